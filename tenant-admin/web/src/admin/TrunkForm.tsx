import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/context';
import { problemOf, type FieldError, type Problem } from '../api/problem';
import {
  TRUNK_KINDS,
  TRUNK_TRANSPORTS,
  type CreateTrunkRequest,
  type Trunk,
  type TrunkKind,
  type TrunkPatch,
  type TrunkTransport,
} from '../api/types';
import {
  CheckboxField,
  ErrorMessage,
  SelectField,
  TextAreaField,
  TextField,
  apiFieldPath,
  linesOf,
  noErrors,
  parseWhole,
  type FormErrors,
} from '../components/forms';
import { looksLikeE164, looksLikeHost, looksLikeHostPort, looksLikeIpBlock, sameList } from './telephony';

export const MAX_TRUNK_NAME = 100;
export const MAX_ALLOWED_IPS = 50;
export const MAX_FAILOVER_HOSTS = 10;

export const KIND_HELP: Record<TrunkKind, string> = {
  CARRIER: 'a carrier’s SIP trunk to the phone network',
  PBX: 'your own PBX',
};

type Field =
  | 'name'
  | 'kind'
  | 'host'
  | 'port'
  | 'transport'
  | 'username'
  | 'password'
  | 'register'
  | 'registerExpiresSeconds'
  | 'allowedIps'
  | 'failoverHosts'
  | 'callerId'
  | 'maxChannels'
  | 'enabled';

const FIELDS: ReadonlySet<string> = new Set<Field>([
  'name',
  'kind',
  'host',
  'port',
  'transport',
  'username',
  'password',
  'register',
  'registerExpiresSeconds',
  'allowedIps',
  'failoverHosts',
  'callerId',
  'maxChannels',
  'enabled',
]);

/** The fields entered one entry per line: the server names an entry `allowedIps[2]`. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['allowedIps', 'failoverHosts']);

/**
 * Spreads a problem's field errors over the form: `allowedIps[2]` → `Line 3: …` under the allowed IPs
 * (every line's message, not only the first), `request.host` → the host; others are listed with the detail.
 */
export function trunkFormErrors(problem: Problem): FormErrors<Field> {
  const messages = new Map<Field, string[]>();
  const unmatched: FieldError[] = [];
  for (const e of problem.errors) {
    const [first, index] = apiFieldPath(e.field);
    if (first === undefined || !FIELDS.has(first)) {
      unmatched.push(e);
      continue;
    }
    const field = first as Field;
    const line = LIST_FIELDS.has(field) && index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null;
    const message = line === null ? e.message : `Line ${line}: ${e.message}`;
    const list = messages.get(field) ?? [];
    if (LIST_FIELDS.has(field) || list.length === 0) list.push(message);
    messages.set(field, list);
  }
  const fields: Partial<Record<Field, string>> = {};
  for (const [field, list] of messages) fields[field] = list.join(' · ');
  return { message: problem.detail, fields, unmatched };
}

interface Values {
  name: string;
  kind: string;
  host: string;
  port: string;
  transport: string;
  username: string;
  password: string;
  register: boolean;
  registerExpiresSeconds: string;
  allowedIps: string;
  failoverHosts: string;
  callerId: string;
  maxChannels: string;
  enabled: boolean;
}

function valuesOf(trunk: Trunk | null): Values {
  return {
    name: trunk?.name ?? '',
    kind: trunk?.kind ?? 'CARRIER',
    host: trunk?.host ?? '',
    port: trunk ? String(trunk.port) : '',
    transport: trunk?.transport ?? 'UDP',
    username: trunk?.username ?? '',
    // write-only: never shown, an empty field keeps the stored one
    password: '',
    register: trunk?.register ?? false,
    registerExpiresSeconds: trunk ? String(trunk.registerExpiresSeconds) : '',
    allowedIps: (trunk?.allowedIps ?? []).join('\n'),
    failoverHosts: (trunk?.failoverHosts ?? []).join('\n'),
    callerId: trunk?.callerId ?? '',
    maxChannels: trunk ? String(trunk.maxChannels) : '',
    enabled: trunk?.enabled ?? true,
  };
}

/** A number typed into the form, or undefined when left empty (the server's default), or null when invalid. */
function wholeIn(raw: string, min: number, max: number): number | null | undefined {
  if (raw.trim() === '') return undefined;
  const n = parseWhole(raw, min);
  return n !== null && n <= max ? n : null;
}

interface TrunkFormProps {
  /** The trunk to edit; null to connect a new one. */
  trunk: Trunk | null;
  onSaved: (trunk: Trunk, created: boolean) => void;
  onCancel: () => void;
}

/** Connects a trunk or changes one (ADMIN). The password is write-only: an empty field keeps the stored one. */
export function TrunkForm({ trunk, onSaved, onCancel }: TrunkFormProps) {
  const api = useApi();
  const editing = trunk !== null;
  const [values, setValues] = useState<Values>(() => valuesOf(trunk));
  /** Removes the username and password (together, as the API does). */
  const [clearCredentials, setClearCredentials] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  const hadCredentials = trunk !== null && (trunk.hasPassword || trunk.username !== null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const fields: Partial<Record<Field, string>> = {};
    const name = values.name.trim();
    if (name === '') fields.name = 'Enter a name.';
    else if (name.length > MAX_TRUNK_NAME) fields.name = `At most ${MAX_TRUNK_NAME} characters.`;
    if (!TRUNK_KINDS.includes(values.kind as TrunkKind)) fields.kind = 'Choose CARRIER or PBX.';
    if (!TRUNK_TRANSPORTS.includes(values.transport as TrunkTransport)) fields.transport = 'Choose UDP, TCP or TLS.';
    const host = values.host.trim();
    if (!looksLikeHost(host)) fields.host = 'Enter a host name or IP address, without scheme, user or port.';

    const portIn = wholeIn(values.port, 1, 65_535);
    if (portIn === null || (editing && portIn === undefined)) fields.port = 'Enter a port from 1 to 65535.';
    const channelsIn = wholeIn(values.maxChannels, 1, 10_000);
    if (channelsIn === null || (editing && channelsIn === undefined)) {
      fields.maxChannels = 'Enter a whole number from 1 to 10000.';
    }
    const expiresIn = values.register ? wholeIn(values.registerExpiresSeconds, 60, 86_400) : undefined;
    if (values.register && (expiresIn === null || (editing && expiresIn === undefined))) {
      fields.registerExpiresSeconds = 'Enter a whole number of seconds from 60 to 86400.';
    }

    // credentials: the username and the password go together
    const clearing = clearCredentials || (editing && values.username.trim() === '' && hadCredentials);
    const username = clearing ? '' : values.username.trim();
    const password = clearing ? '' : values.password;
    const passwordStored = !clearing && (trunk?.hasPassword ?? false);
    if (username !== '' && (/\s/.test(username) || username.length > 128)) {
      fields.username = 'At most 128 characters, without spaces.';
    }
    if (password !== '' && username === '') fields.username = 'Enter the username that goes with the password.';
    if (username !== '' && password === '' && !passwordStored) {
      fields.password = 'Enter the password that goes with the username.';
    }
    if (password.length > 128) fields.password = 'At most 128 characters.';
    const credentials = username !== '' && (password !== '' || passwordStored);
    if (values.register && !credentials) fields.register = 'Registering needs a username and password.';

    const allowedIps = linesOf(values.allowedIps);
    const badIps = allowedIps
      .map((ip, i) => (looksLikeIpBlock(ip) ? null : `Line ${i + 1}: “${ip}” is not an IP address or CIDR block.`))
      .filter((m): m is string => m !== null);
    if (badIps.length > 0) fields.allowedIps = badIps.join(' · ');
    else if (allowedIps.length > MAX_ALLOWED_IPS) fields.allowedIps = `At most ${MAX_ALLOWED_IPS} entries.`;
    else if (allowedIps.length === 0 && !credentials) {
      fields.allowedIps = 'Give allowed IPs or a username and password, so that inbound calls can be authenticated.';
    }
    const failoverHosts = linesOf(values.failoverHosts);
    const badHosts = failoverHosts
      .map((h, i) => (looksLikeHostPort(h) ? null : `Line ${i + 1}: “${h}” is not a host or host:port.`))
      .filter((m): m is string => m !== null);
    if (badHosts.length > 0) fields.failoverHosts = badHosts.join(' · ');
    else if (failoverHosts.length > MAX_FAILOVER_HOSTS) fields.failoverHosts = `At most ${MAX_FAILOVER_HOSTS} entries.`;
    const callerId = values.callerId.trim();
    if (callerId !== '' && !looksLikeE164(callerId)) fields.callerId = 'Enter an E.164 number such as +15551230000.';

    if (Object.keys(fields).length > 0) {
      setErrors({ message: 'Please correct the highlighted fields.', fields, unmatched: [] });
      return;
    }
    const kind = values.kind as TrunkKind;
    const transport = values.transport as TrunkTransport;
    // null (invalid) was reported above; undefined leaves the server's default, or the current value
    const port = portIn ?? undefined;
    const maxChannels = channelsIn ?? undefined;
    const expires = expiresIn ?? undefined;

    let call: Promise<Trunk>;
    if (trunk) {
      const patch: TrunkPatch = {};
      if (name !== trunk.name) patch.name = name;
      if (kind !== trunk.kind) patch.kind = kind;
      if (host !== trunk.host) patch.host = host;
      if (port !== undefined && port !== trunk.port) patch.port = port;
      if (transport !== trunk.transport) patch.transport = transport;
      if (clearing) {
        if (hadCredentials) {
          patch.username = null;
          patch.password = null;
        }
      } else {
        if (username !== (trunk.username ?? '')) patch.username = username;
        if (password !== '') patch.password = password;
      }
      if (values.register !== trunk.register) patch.register = values.register;
      if (expires !== undefined && expires !== trunk.registerExpiresSeconds) patch.registerExpiresSeconds = expires;
      if (!sameList(allowedIps, trunk.allowedIps)) patch.allowedIps = allowedIps;
      if (!sameList(failoverHosts, trunk.failoverHosts)) patch.failoverHosts = failoverHosts;
      if (callerId === '' && trunk.callerId !== null) patch.callerId = null;
      else if (callerId !== '' && callerId !== trunk.callerId) patch.callerId = callerId;
      if (maxChannels !== undefined && maxChannels !== trunk.maxChannels) patch.maxChannels = maxChannels;
      if (values.enabled !== trunk.enabled) patch.enabled = values.enabled;
      if (Object.keys(patch).length === 0) {
        setErrors(noErrors());
        setDone('Nothing to save: no field was changed.');
        return;
      }
      call = api.updateTrunk(trunk.id, patch);
    } else {
      const request: CreateTrunkRequest = { name, kind, host, transport, register: values.register, enabled: values.enabled };
      if (port !== undefined) request.port = port;
      if (username !== '') {
        request.username = username;
        request.password = password;
      }
      if (values.register && expires !== undefined) request.registerExpiresSeconds = expires;
      if (allowedIps.length > 0) request.allowedIps = allowedIps;
      if (failoverHosts.length > 0) request.failoverHosts = failoverHosts;
      if (callerId !== '') request.callerId = callerId;
      if (maxChannels !== undefined) request.maxChannels = maxChannels;
      call = api.createTrunk(request);
    }
    setErrors(noErrors());
    setBusy(true);
    try {
      const result = await call;
      onSaved(result, !editing);
      if (!editing) {
        setDone(`Connected the trunk ${result.name}.`);
        setValues(valuesOf(null));
      }
    } catch (e) {
      setErrors(trunkFormErrors(problemOf(e)));
    } finally {
      setBusy(false);
    }
  }

  const titleId = 'trunk-form-title';
  const kinds: string[] = TRUNK_KINDS.includes(values.kind as TrunkKind) ? [...TRUNK_KINDS] : [...TRUNK_KINDS, values.kind];
  const transports: string[] = TRUNK_TRANSPORTS.includes(values.transport as TrunkTransport)
    ? [...TRUNK_TRANSPORTS]
    : [...TRUNK_TRANSPORTS, values.transport];
  const passwordHint = !editing
    ? 'Write-only: once saved it cannot be shown again.'
    : trunk?.hasPassword
      ? 'A password is set. Leave this empty to keep it.'
      : 'No password is set.';

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="trunk-form"
    >
      <h2 id={titleId}>{trunk ? `Edit ${trunk.name}` : 'Connect a trunk'}</h2>
      {done ? (
        <div className="alert alert--success" role="status" data-testid="trunk-form-success">
          {done}
        </div>
      ) : null}
      <ErrorMessage message={errors.message} extra={errors.unmatched} testId="trunk-form-error" />
      <div className="form-grid">
        <div className="form__group">
          <TextField
            ref={nameInput}
            id="trunk-name"
            label="Name"
            testId="trunk-name"
            autoComplete="off"
            required
            maxLength={MAX_TRUNK_NAME}
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.fields.name}
          />
          <SelectField
            id="trunk-kind"
            label="Kind"
            testId="trunk-kind"
            value={values.kind}
            onChange={(e) => set('kind', e.target.value)}
            hint={KIND_HELP[values.kind as TrunkKind] ? `The trunk is ${KIND_HELP[values.kind as TrunkKind]}.` : undefined}
            error={errors.fields.kind}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </SelectField>
          <TextField
            id="trunk-host"
            label="Host"
            testId="trunk-host"
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={253}
            value={values.host}
            onChange={(e) => set('host', e.target.value)}
            hint="Host name or IP address, without scheme or port."
            error={errors.fields.host}
          />
          <div className="field-grid">
            <TextField
              id="trunk-port"
              label="Port"
              testId="trunk-port"
              type="number"
              inputMode="numeric"
              min={1}
              max={65535}
              step={1}
              required={editing}
              placeholder={editing ? undefined : 'Default'}
              value={values.port}
              onChange={(e) => set('port', e.target.value)}
              hint={editing ? undefined : '5060 (5061 for TLS) when empty.'}
              error={errors.fields.port}
            />
            <SelectField
              id="trunk-transport"
              label="Transport"
              testId="trunk-transport"
              value={values.transport}
              onChange={(e) => set('transport', e.target.value)}
              error={errors.fields.transport}
            >
              {transports.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            id="trunk-failover-hosts"
            label="Failover hosts"
            testId="trunk-failover-hosts"
            rows={3}
            spellCheck={false}
            value={values.failoverHosts}
            onChange={(e) => set('failoverHosts', e.target.value)}
            hint={`One host or host:port per line, tried in order after the host (at most ${MAX_FAILOVER_HOSTS}).`}
            error={errors.fields.failoverHosts}
          />
          <div className="field-grid">
            <TextField
              id="trunk-caller-id"
              label="Caller ID"
              testId="trunk-caller-id"
              type="tel"
              autoComplete="off"
              value={values.callerId}
              onChange={(e) => set('callerId', e.target.value)}
              hint="E.164, shown on outbound calls."
              error={errors.fields.callerId}
            />
            <TextField
              id="trunk-max-channels"
              label="Max channels"
              testId="trunk-max-channels"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              step={1}
              required={editing}
              placeholder={editing ? undefined : 'Default'}
              value={values.maxChannels}
              onChange={(e) => set('maxChannels', e.target.value)}
              hint={editing ? 'Calls at once.' : 'Calls at once; 100 when empty.'}
              error={errors.fields.maxChannels}
            />
          </div>
          <CheckboxField
            id="trunk-enabled"
            label="Enabled"
            testId="trunk-enabled"
            checked={values.enabled}
            onChange={(e) => set('enabled', e.target.checked)}
            hint="A disabled trunk neither takes nor places calls."
            error={errors.fields.enabled}
          />
        </div>
        <div className="form__group">
          <fieldset className="field">
            <legend>Authentication</legend>
            <p className="field__hint">
              Inbound calls are accepted from the allowed IPs, or when they authenticate with the username and
              password. Give at least one of the two.
            </p>
            <TextAreaField
              id="trunk-allowed-ips"
              label="Allowed IPs"
              testId="trunk-allowed-ips"
              rows={4}
              spellCheck={false}
              value={values.allowedIps}
              onChange={(e) => set('allowedIps', e.target.value)}
              hint={`One IPv4 or IPv6 address or CIDR block per line, such as 203.0.113.0/24 (at most ${MAX_ALLOWED_IPS}).`}
              error={errors.fields.allowedIps}
            />
            <TextField
              id="trunk-username"
              label="Username"
              testId="trunk-username"
              autoComplete="off"
              spellCheck={false}
              maxLength={128}
              disabled={clearCredentials}
              value={clearCredentials ? '' : values.username}
              onChange={(e) => set('username', e.target.value)}
              error={errors.fields.username}
            />
            <TextField
              id="trunk-password"
              label={editing ? 'New password' : 'Password'}
              testId="trunk-password"
              type="password"
              autoComplete="new-password"
              maxLength={128}
              disabled={clearCredentials}
              placeholder={trunk?.hasPassword ? 'Unchanged' : undefined}
              value={clearCredentials ? '' : values.password}
              onChange={(e) => set('password', e.target.value)}
              hint={<span data-testid="trunk-password-status">{passwordHint}</span>}
              error={errors.fields.password}
            />
            {hadCredentials ? (
              <CheckboxField
                id="trunk-clear-credentials"
                label="Remove the username and password"
                testId="trunk-clear-credentials"
                checked={clearCredentials}
                onChange={(e) => setClearCredentials(e.target.checked)}
                hint="Inbound calls are then accepted from the allowed IPs only."
              />
            ) : null}
          </fieldset>
          <fieldset className="field">
            <legend>Registration</legend>
            <CheckboxField
              id="trunk-register"
              label="Register with the carrier"
              testId="trunk-register"
              checked={values.register}
              onChange={(e) => set('register', e.target.checked)}
              hint="The gateway sends REGISTER with the username and password."
              error={errors.fields.register}
            />
            {values.register ? (
              <TextField
                id="trunk-register-expires"
                label="Registration expires (seconds)"
                testId="trunk-register-expires"
                type="number"
                inputMode="numeric"
                min={60}
                max={86400}
                step={1}
                required={editing}
                placeholder={editing ? undefined : 'Default'}
                value={values.registerExpiresSeconds}
                onChange={(e) => set('registerExpiresSeconds', e.target.value)}
                hint={editing ? '60 to 86400.' : '60 to 86400; 3600 when empty.'}
                error={errors.fields.registerExpiresSeconds}
              />
            ) : null}
          </fieldset>
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="trunk-submit" disabled={busy}>
          {busy ? 'Saving…' : trunk ? 'Save changes' : 'Connect trunk'}
        </button>
        {trunk ? (
          <button type="button" className="button button--ghost" data-testid="trunk-cancel" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
