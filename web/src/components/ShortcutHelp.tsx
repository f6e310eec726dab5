// `?` shows the keyboard shortcuts; Escape closes.
import { useEffect, useRef, useState } from 'react';
import { typing } from '../hooks';

const SHORTCUTS: Array<[string, string]> = [
  ['j / ↓', 'next alert in the queue'],
  ['k / ↑', 'previous alert'],
  ['Enter / o', 'open the selected alert'],
  ['f', 'false positive (opens the decision form)'],
  ['t', 'true match'],
  ['e', 'escalate'],
  ['Ctrl+Enter', 'submit the decision'],
  ['u / Esc', 'back to the queue'],
  ['/', 'focus the first filter'],
  ['?', 'show this help'],
];

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !typing(e)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} onClose={() => setOpen(false)} aria-labelledby="shortcuts-title" className="help">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button autoFocus>Close</button>
      </form>
    </dialog>
  );
}
