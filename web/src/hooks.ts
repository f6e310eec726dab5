// Data loading for pages: one request per dependency change, reloadable, never setting state after unmount.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, getJson } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  const [keyTick, setKeyTick] = useState(0);
  useEffect(() => {
    const onKey = () => setKeyTick((n) => n + 1);
    window.addEventListener('interdict:key', onKey);
    return () => window.removeEventListener('interdict:key', onKey);
  }, []);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    getJson<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: ApiFailure) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [path, tick, keyTick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Call `fn` every `ms` while `active`. */
export function useInterval(fn: () => void, ms: number, active: boolean): void {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => saved.current(), ms);
    return () => clearInterval(id);
  }, [ms, active]);
}

/** Set the document title for a page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Interdict`;
  }, [title]);
}

/** True when a key event comes from a text field (shortcuts must not fire while typing). */
export function typing(e: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open]')) return true; // a modal has the keyboard
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}
