import { useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/client';
import { useApi } from '../api/context';
import { problemOf } from '../api/problem';
import { browser } from '../components/browser';

/**
 * A call's recording: *Play* and *Download* fetch it on demand through the API client (an `<audio src>` or a
 * plain link could not send the access token), as a Blob shown through an object URL, revoked on unmount.
 */
export function CallRecording({ callId, label }: { callId: string; label: string }) {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<'play' | 'download' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [autoplay, setAutoplay] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  const urlRef = useRef<string | null>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      pending.current?.abort();
      pending.current = null;
      if (urlRef.current) {
        URL.revokeObjectURL(urlRef.current);
        urlRef.current = null;
      }
    },
    [],
  );

  useEffect(() => {
    const element = audio.current;
    if (!url || !autoplay || !element) return;
    try {
      // the browser may refuse to start playing by itself; the controls are there to start it then
      void Promise.resolve(element.play()).catch(() => undefined);
    } catch {
      // no playback in this environment
    }
  }, [url, autoplay]);

  /** The object URL of the recording, fetched the first time. */
  async function load(): Promise<string> {
    if (urlRef.current) return urlRef.current;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    const blob = await api.callRecording(callId, controller.signal);
    if (controller.signal.aborted) {
      throw new DOMException('The page was left.', 'AbortError');
    }
    pending.current = null;
    const objectUrl = URL.createObjectURL(blob);
    urlRef.current = objectUrl;
    setUrl(objectUrl);
    return objectUrl;
  }

  async function run(action: 'play' | 'download') {
    if (busy) return;
    setBusy(action);
    setError(null);
    try {
      const objectUrl = await load();
      if (action === 'play') setAutoplay(true);
      else browser.download(objectUrl, `${callId}.wav`);
    } catch (e) {
      if (!isAbort(e)) setError(problemOf(e).detail);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="recording" data-testid={`call-recording-${callId}`}>
      {url ? (
        <audio
          ref={audio}
          controls
          preload="none"
          src={url}
          aria-label={`Recording of ${label}`}
          data-testid={`call-audio-${callId}`}
        />
      ) : (
        <button
          type="button"
          className="button button--small"
          data-testid={`call-play-${callId}`}
          onClick={() => run('play')}
          disabled={busy !== null}
          aria-label={`Play the recording of ${label}`}
        >
          {busy === 'play' ? 'Loading…' : 'Play'}
        </button>
      )}
      {url ? (
        <a
          className="button button--small button--ghost"
          href={url}
          download={`${callId}.wav`}
          data-testid={`call-download-${callId}`}
          aria-label={`Download the recording of ${label}`}
        >
          Download
        </a>
      ) : (
        <button
          type="button"
          className="button button--small button--ghost"
          data-testid={`call-download-${callId}`}
          onClick={() => run('download')}
          disabled={busy !== null}
          aria-label={`Download the recording of ${label}`}
        >
          {busy === 'download' ? 'Loading…' : 'Download'}
        </button>
      )}
      {error ? (
        <p className="field__error" role="alert" data-testid={`call-recording-error-${callId}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
