// OnScreenKeyboard: two octaves of real buttons (C4–B5), so mouse, touch and keyboard users can play notes.

const WHITE = [0, 2, 4, 5, 7, 9, 11];
const NAMES = ['C', 'C♯', 'D', 'E♭', 'E', 'F', 'F♯', 'G', 'A♭', 'A', 'B♭', 'B'];

/** Props for {@link OnScreenKeyboard}. */
export interface OnScreenKeyboardProps {
  label: string;
  /** Lowest MIDI pitch (a C); two octaves are shown. */
  from?: number;
  onNote: (pitch: number) => void;
  disabled?: boolean;
  /** Pitches to light up (keys held on a connected MIDI keyboard). */
  active?: ReadonlySet<number>;
}

/** A row of piano keys; black keys sit between the white ones. */
export function OnScreenKeyboard({ label, from = 60, onNote, disabled, active }: OnScreenKeyboardProps) {
  const pitches = Array.from({ length: 24 }, (_, i) => from + i);
  const whites = pitches.filter((p) => WHITE.includes(p % 12));
  return (
    <div role="group" aria-label={label} className="relative flex h-28 select-none">
      {whites.map((p) => (
        <button
          key={p}
          type="button"
          disabled={disabled}
          onClick={() => onNote(p)}
          aria-label={`${NAMES[p % 12]}${Math.floor(p / 12) - 1}`}
          data-pitch={p}
          data-active={active?.has(p) || undefined}
          className={`relative flex-1 rounded-b-md border border-slate-400 text-[10px] text-slate-500 hover:bg-indigo-50 focus-visible:outline-3 focus-visible:outline-indigo-500 active:bg-indigo-200 ${active?.has(p) ? 'bg-indigo-300' : 'bg-white'}`}
        >
          <span className="absolute right-0 bottom-1 left-0">
            {p % 12 === 0 ? `C${Math.floor(p / 12) - 1}` : ''}
          </span>
        </button>
      ))}
      {pitches
        .filter((p) => !WHITE.includes(p % 12))
        .map((p) => {
          // A black key sits on the border after the white key below it.
          const left = ((whites.indexOf(p - 1) + 1) / whites.length) * 100;
          return (
            <button
              key={p}
              type="button"
              disabled={disabled}
              onClick={() => onNote(p)}
              aria-label={`${NAMES[p % 12]}${Math.floor(p / 12) - 1}`}
              data-pitch={p}
              data-active={active?.has(p) || undefined}
              style={{ left: `calc(${left}% - 1.1%)`, width: '2.2%' }}
              className={`absolute top-0 z-10 h-16 rounded-b-md hover:bg-slate-600 focus-visible:outline-3 focus-visible:outline-indigo-500 active:bg-indigo-700 ${active?.has(p) ? 'bg-indigo-600' : 'bg-slate-800'}`}
            />
          );
        })}
    </div>
  );
}
