type Props = { id: string; name: string; label: string; value: string | undefined; anyLabel: string; options: readonly (readonly [string, string])[] };

/** One labelled <select> of a GET filter form; the empty option means "no filter". */
export function SelectFilter({ id, name, label, value, anyLabel, options }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
