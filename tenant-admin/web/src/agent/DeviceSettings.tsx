import { useCallback, useEffect, useState } from 'react';
import type { SoftphoneLike } from './softphoneContext';

interface Device {
  deviceId: string;
  label: string;
}

function mediaDevices(): MediaDevices | null {
  return typeof navigator !== 'undefined' && navigator.mediaDevices ? navigator.mediaDevices : null;
}

/** Whether the browser can route audio to a chosen output (HTMLMediaElement.setSinkId). */
function canChooseOutput(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Microphone and speaker choice, from `enumerateDevices()` (names appear once the microphone is allowed). */
export function DeviceSettings({ phone, refresh }: { phone: SoftphoneLike; refresh: number }) {
  const [inputs, setInputs] = useState<Device[]>([]);
  const [outputs, setOutputs] = useState<Device[]>([]);
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const devices = mediaDevices();

  const load = useCallback(async () => {
    if (!devices?.enumerateDevices) return;
    try {
      const all = await devices.enumerateDevices();
      const named = (kind: MediaDeviceKind, word: string) =>
        all
          .filter((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'default')
          .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${word} ${i + 1}` }));
      setInputs(named('audioinput', 'Microphone'));
      setOutputs(named('audiooutput', 'Speaker'));
    } catch {
      setInputs([]);
      setOutputs([]);
    }
  }, [devices]);

  useEffect(() => {
    void load();
    if (!devices?.addEventListener) return undefined;
    const onChange = () => void load();
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  }, [devices, load, refresh]);

  async function chooseInput(id: string) {
    setInput(id);
    setError(null);
    try {
      await phone.setInputDevice(id || null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The microphone could not be used.');
    }
  }

  async function chooseOutput(id: string) {
    setOutput(id);
    setError(null);
    try {
      await phone.setOutputDevice(id || null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The speaker could not be used.');
    }
  }

  return (
    <section className="card desk__devices" aria-labelledby="devices-title">
      <h2 id="devices-title">Audio devices</h2>
      {!devices ? <p className="muted small">This browser does not list its audio devices here.</p> : null}
      {error ? (
        <p className="alert alert--error" role="alert" data-testid="device-error">
          {error}
        </p>
      ) : null}
      <div className="form">
        <div className="field">
          <label htmlFor="device-input">Microphone</label>
          <select id="device-input" data-testid="device-input" value={input} onChange={(e) => void chooseInput(e.target.value)}>
            <option value="">System default</option>
            {inputs.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="device-output">Speaker</label>
          <select
            id="device-output"
            data-testid="device-output"
            value={output}
            disabled={!canChooseOutput()}
            aria-describedby={canChooseOutput() ? undefined : 'device-output-hint'}
            onChange={(e) => void chooseOutput(e.target.value)}
          >
            <option value="">System default</option>
            {outputs.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
          {canChooseOutput() ? null : (
            <p id="device-output-hint" className="field__hint">
              This browser plays calls on its default speaker.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
