/** The admin lists' filter select: "any" (empty) or one value of an enum, each shown by its label. */
export function EnumSelect<V extends string>(props: {
  label: string;
  anyLabel: string;
  options: readonly (readonly [V, string])[];
  value: V | "";
  onChange: (value: V | "") => void;
}) {
  return (
    <select
      aria-label={props.label}
      className="rounded-lg border border-slate-300 px-3 py-2.5"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as V | "")}
    >
      <option value="">{props.anyLabel}</option>
      {props.options.map(([value, label]) => (
        <option key={value} value={value}>{label}</option>
      ))}
    </select>
  );
}
