"use client";

import { useEffect, useState } from "react";
import { inputClass } from "./form-styles";

/** The zone select; while the account still has the default (UTC), it starts on the browser's own zone. */
export function TimeZoneSelect({ id, value, zones, preferBrowser }: { id: string; value: string; zones: string[]; preferBrowser: boolean }) {
  const [selected, setSelected] = useState(value);
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's zone is only known after hydration
    if (preferBrowser && zones.includes(browser)) setSelected(browser);
  }, [preferBrowser, zones]);
  return (
    <select id={id} name="timeZone" value={selected} onChange={(event) => setSelected(event.target.value)} className={inputClass}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
