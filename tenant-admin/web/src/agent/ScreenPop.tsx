import type { Call } from '@callisto/softphone';
import { useEffect, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import type { Contact } from '../api/types';
import { otherParty } from './format';

/** How many of the contact's own fields the pop shows. */
const MAX_FIELDS = 4;

/**
 * Who is calling: the number, and the CRM contact the gateway matched (name, company), completed with the
 * contact's emails and first fields from `GET /contacts/{id}` when that answers.
 */
export function ScreenPop({ call, queueName }: { call: Call; queueName?: string | null }) {
  const api = useApi();
  const contactId = call.contact?.id ?? null;
  const [details, setDetails] = useState<Contact | null>(null);

  useEffect(() => {
    setDetails(null);
    if (!contactId) return undefined;
    const abort = new AbortController();
    api
      .contact(contactId, abort.signal)
      .then((c) => {
        if (!abort.signal.aborted) setDetails(c);
      })
      .catch((e: unknown) => {
        // the pop has the name and company already; the details are a bonus
        if (!isAbort(e)) setDetails(null);
      });
    return () => abort.abort();
  }, [api, contactId]);

  const fields = details ? Object.entries(details.fields).slice(0, MAX_FIELDS) : [];
  return (
    <div className="pop">
      <p className="pop__number" data-testid="call-number">
        {otherParty(call)}
      </p>
      {call.contact ? (
        <div className="pop__contact" data-testid="call-contact">
          <p className="pop__name" data-testid="call-contact-name">
            {call.contact.name}
          </p>
          {call.contact.company ? (
            <p className="muted" data-testid="call-contact-company">
              {call.contact.company}
            </p>
          ) : null}
          {details && (details.emails.length > 0 || fields.length > 0) ? (
            <dl className="pop__details" data-testid="call-contact-details">
              {details.emails.length > 0 ? (
                <>
                  <dt>Email</dt>
                  <dd>{details.emails.join(', ')}</dd>
                </>
              ) : null}
              {fields.map(([name, value]) => (
                <div key={name} className="pop__field">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : (
        <p className="muted small">No CRM contact matches this number.</p>
      )}
      {queueName ? <p className="muted small">Queue: {queueName}</p> : null}
    </div>
  );
}
