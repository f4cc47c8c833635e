import { FREQUENCIES, type Frequency } from "@/lib/saved-searches/schemas";
import { FREQUENCY_LABELS, hourLabel } from "@/lib/saved-searches/schedule-label";
import { inputClass } from "./form-styles";

/** Frequency and send hour, shared by the new-search and edit forms. */
export function FrequencyFields({ idPrefix, frequency, sendHour }: { idPrefix: string; frequency: Frequency; sendHour: number }) {
  return (
    <>
      <label htmlFor={`${idPrefix}-frequency`} className="text-sm font-semibold">
        Email me
      </label>
      <select id={`${idPrefix}-frequency`} name="frequency" defaultValue={frequency} className={inputClass}>
        {FREQUENCIES.map((value) => (
          <option key={value} value={value}>
            {FREQUENCY_LABELS[value]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-hour`} className="text-sm font-semibold">
        Digest hour (your time)
      </label>
      <select id={`${idPrefix}-hour`} name="sendHour" defaultValue={String(sendHour)} className={inputClass}>
        {Array.from({ length: 24 }, (_, hour) => (
          <option key={hour} value={hour}>
            {hourLabel(hour)}
          </option>
        ))}
      </select>
    </>
  );
}
