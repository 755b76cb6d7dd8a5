"use client";

type Props = {
  id: string;
  departments: { id: string; name: string; active: boolean }[];
  value: string[];
  onChange: (ids: string[]) => void;
  onBlur?: () => void;
  error?: string;
};

/** A group of checkboxes that always yields an array of ids (a lone checkbox in react-hook-form would yield a boolean). */
export function DepartmentCheckboxes({ id, departments, value, onChange, onBlur, error }: Props) {
  const toggle = (dept: string, on: boolean) => onChange(on ? [...value, dept] : value.filter((v) => v !== dept));
  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Departments</legend>
      {departments.length === 0 ? <p className="text-sm text-slate-500">No departments exist yet.</p> : null}
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {departments.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={value.includes(d.id)}
              onChange={(e) => toggle(d.id, e.target.checked)}
              onBlur={onBlur}
            />
            {d.name}
            {d.active ? null : <span className="text-xs text-slate-500">(inactive)</span>}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          The departments the agent works for.
        </p>
      )}
    </fieldset>
  );
}
