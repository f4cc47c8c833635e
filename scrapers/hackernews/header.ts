/**
 * Reading the free-form first line of a "Who is hiring?" comment:
 * "Company | Role | Location | REMOTE/ONSITE | salary | URL", fields in any order.
 */

export interface HeaderFields {
  company?: string;
  /** Role titles the header names ("A + B" gives two); empty when none. */
  roles: string[];
  /** The role field says "Multiple roles", "Engineering roles", or names no role at all. */
  genericRole: boolean;
  /** A role field names a plural ("Platform Engineers"): a list in the body may spell them out. */
  pluralRole: boolean;
  locations: string[];
  remoteEligibility: string[];
  remoteHint?: "remote" | "hybrid" | "onsite";
  employmentType?: string;
  salary?: string;
  urls: string[];
  /** Fields nothing else claimed (visa notes, team sizes). */
  other: string[];
}

const ROLE_NOUN =
  /\b(engineers?|developers?|scientists?|researchers?|designers?|architects?|managers?|directors?|leads?|head of|analysts?|interns?|internships?|specialists?|advocates?|consultants?|administrators?|sysadmins?|recruiters?|programmers?|technicians?|sres?|mles?|swes?|pms?|tpms?|cto|ceo|cfo|coo|vp|founding [a-z]+|editors?|writers?|coach(es)?|operators?|representatives?|associates?|strategists?|marketers?|accountants?|counsel|attorneys?|paralegals?|economists?|statisticians?|quants?|mathematicians?|physicists?|officers?|support)\b/i;
const PLURAL_ROLE =
  /\b(engineers|developers|scientists|researchers|designers|architects|managers|directors|leads|analysts|interns|specialists|roles|positions)\b/i;
const GENERIC_ROLE = /\b(multiple|various|several|many|all|open|engineering|tech(nical)?|product)\s+(roles?|positions?|openings?|levels?)\b|^(roles?|positions?|hiring|engineering|multiple|various)$/i;
const REMOTE_WORD = /\b(remote|remotely|onsite|on-site|on site|hybrid|in[- ]office|in[- ]person|wfh|work from home)\b/i;
const EMPLOYMENT =
  /\b(full[- ]?time|part[- ]?time|contract(?:or|-to-hire| to hire)?|contractors?|freelance|freelancer|internships?|permanent|fractional|temporary|1099|w-?2)\b/i;
const SALARY =
  /[$€£¥₹]\s?\d|\d\s?[kK]\b|\b\d{1,3}(?:[,'’]\d{3})+\b|\b(?:EUR|USD|GBP|CAD|CHF|AUD|SEK|NOK|DKK|PLN|INR)\s?\d|\b\d+(?:[.,]\d+)?\s*(?:k|K)?\s*(?:EUR|USD|GBP|CAD|CHF|AUD|SEK|NOK|DKK|PLN|INR)\b|\b(?:salary|compensation|comp|pay|base|OTE)\b.*\d/;
const URL_ONLY = /^(?:https?:\/\/\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?)$/i;
const URL_ANYWHERE = /https?:\/\/[^\s)<>]+|\b(?:www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s)<>]*)?/gi;
const PLACE_CODE = /\b(US|USA|UK|EU|EMEA|APAC|LATAM|NYC|SF|LA|DC|NY|UAE|CET|UTC[+-]?\d*)\b/;
const PLACE_CITY_STATE = /^[\p{Lu}][\p{L}.' -]+,\s*[A-Z]{2}\b/u;
const PLACE_NAMES = new RegExp(
  `\\b(${[
    "united states", "united kingdom", "canada", "germany", "france", "spain", "italy", "netherlands", "poland",
    "portugal", "ireland", "switzerland", "sweden", "norway", "denmark", "finland", "austria", "belgium", "india",
    "japan", "singapore", "australia", "brazil", "mexico", "argentina", "colombia", "israel", "china", "korea",
    "taiwan", "vietnam", "philippines", "nigeria", "kenya", "new zealand", "estonia", "romania", "ukraine", "greece",
    "czechia", "europe", "americas", "north america", "worldwide", "global", "anywhere", "bay area", "silicon valley",
    "new york", "san francisco", "london", "berlin", "paris", "amsterdam", "toronto", "vancouver", "montreal", "boston",
    "seattle", "austin", "chicago", "denver", "los angeles", "san diego", "san jose", "palo alto", "mountain view",
    "sunnyvale", "cupertino", "menlo park", "oakland", "portland", "miami", "atlanta", "dallas", "houston", "washington",
    "philadelphia", "pittsburgh", "boulder", "salt lake city", "raleigh", "munich", "hamburg", "zurich", "zürich",
    "geneva", "stockholm", "oslo", "copenhagen", "helsinki", "dublin", "madrid", "barcelona", "lisbon", "milan", "rome",
    "vienna", "prague", "warsaw", "krakow", "budapest", "bucharest", "tallinn", "tel aviv", "bangalore", "bengaluru",
    "hyderabad", "pune", "mumbai", "delhi", "gurugram", "tokyo", "seoul", "sydney", "melbourne", "hong kong",
    "shanghai", "beijing", "são paulo", "sao paulo", "buenos aires", "bogota", "cologne", "manchester", "edinburgh",
    "cambridge", "oxford", "ho chi minh city", "multiple locations",
  ].join("|")})\\b`,
  "i",
);

export function isRoleLike(text: string): boolean {
  return ROLE_NOUN.test(withoutUrls(text));
}

function isPlace(text: string): boolean {
  return PLACE_NAMES.test(text) || PLACE_CODE.test(text) || PLACE_CITY_STATE.test(text);
}

function withoutUrls(text: string): string {
  return text
    .replace(/\(\s*(?:https?:\/\/|www\.)[^)]*\)/gi, "")
    .replace(URL_ANYWHERE, "")
    .replace(/\(\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*\)/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_ANYWHERE)].map((match) => match[0].replace(/[.,;:!?]+$/, ""));
}

/** Splits the first line into fields: on "|" when there is one, else on spaced dashes that are not salary ranges. */
function splitHeader(line: string): string[] {
  const fields = line.includes("|")
    ? line.split("|")
    : line.split(/(?<![\d$€£kK])\s+(?:-{1,2}|–|—)\s+(?![\d$€£])/);
  return fields.map((field) => field.replace(/^[\s*_]+|[\s*_]+$/g, "").trim()).filter(Boolean);
}

/** Reads the header's fields; undefined when the line is not a header (free text). */
export function readHeader(line: string): HeaderFields | undefined {
  const fields = splitHeader(line);
  const words = (field: string) => withoutUrls(field).split(/\s+(?:-{1,2}|–|—)\s+/)[0]!.split(/\s+/).length;
  // Prose with a dash in it is not a header: header fields are short.
  const longest = line.includes("|") ? 20 : 12;
  if (fields.length < 2 || words(fields[0] ?? "") > 8 || fields.some((field) => words(field) > longest)) return undefined;
  const header: HeaderFields = {
    roles: [],
    genericRole: false,
    pluralRole: false,
    locations: [],
    remoteEligibility: [],
    urls: [],
    other: [],
  };
  const roleFields: string[] = [];
  fields.forEach((field, index) => {
    // "Senior Director, Data Engineering Location: Waltham, MA" carries an inline label.
    const labelled = /^(.*?)\s*\bLocation:\s*(.+)$/i.exec(field);
    if (labelled?.[2]) {
      if (labelled[1]) classify(labelled[1], index, header, roleFields);
      readPlaces(labelled[2], header);
      return;
    }
    classify(field, index, header, roleFields);
  });
  for (const field of roleFields) {
    if (GENERIC_ROLE.test(field.trim()) || !ROLE_NOUN.test(field)) header.genericRole = true;
    if (PLURAL_ROLE.test(field)) header.pluralRole = true;
    header.roles.push(...splitRoles(cleanTitle(field)));
  }
  header.roles = header.roles.filter((role) => !GENERIC_ROLE.test(role));
  if (!header.roles.length) header.genericRole = true;
  return header;
}

function classify(field: string, index: number, header: HeaderFields, roleFields: string[]): void {
  header.urls.push(...urlsIn(field));
  const trimmed = field.trim();
  if (URL_ONLY.test(trimmed) && !/^(https?:\/\/|www\.)/i.test(trimmed)) {
    // A bare domain: the company's name when it comes first ("Steel.dev"), its site otherwise ("key.me").
    if (index === 0) header.company = trimmed;
    else header.urls.push(`https://${trimmed}`);
    return;
  }
  const text = withoutUrls(field);
  if (!text || URL_ONLY.test(trimmed)) return;
  const outside = text.replace(/\([^)]*\)/g, " ").trim();

  if (index === 0 && !header.company && !isCompanyUnlikely(text)) {
    readCompany(text, header);
    return;
  }
  if (SALARY.test(text) && !isRoleLike(text)) {
    header.salary ??= text;
    return;
  }
  if (REMOTE_WORD.test(outside) && (!ROLE_NOUN.test(text) || roleFields.length > 0)) {
    readWorkplace(text, header);
    return;
  }
  if (EMPLOYMENT.test(text) && !ROLE_NOUN.test(text)) {
    header.employmentType ??= text;
    return;
  }
  if (/\b(visa|sponsorship)\b/i.test(text)) {
    header.other.push(text);
    return;
  }
  if (ROLE_NOUN.test(text) || GENERIC_ROLE.test(text)) {
    roleFields.push(text);
    const workplace = /\(([^)]*)\)/.exec(text)?.[1];
    if (workplace && REMOTE_WORD.test(workplace)) readWorkplace(workplace, header);
    return;
  }
  if (isPlace(outside)) {
    readPlaces(text, header);
    return;
  }
  if (!header.company) {
    readCompany(text, header);
    return;
  }
  header.other.push(text);
}

/** A first field that is plainly a role, a place or a work mode is not the company. */
function isCompanyUnlikely(text: string): boolean {
  const withoutParens = text.replace(/\([^)]*\)/g, "").trim();
  if (/^(seeking|hiring|we('| a)re hiring)\b/i.test(withoutParens)) return true;
  if (REMOTE_WORD.test(withoutParens) && withoutParens.split(/\s+/).length <= 3) return true;
  if ((PLACE_CITY_STATE.test(withoutParens) || (withoutParens.includes(",") && isPlace(withoutParens))) && !ROLE_NOUN.test(withoutParens)) return true;
  return /\b(engineers?|developers?|scientists?|researchers?|designers?|architects?|analysts?)\b/i.test(withoutParens) &&
    !/\b(labs?|inc|llc|ltd|gmbh|corp|ai|technologies|group)\b/i.test(withoutParens);
}

/** "Hive (S14)" stays; "(REMOTE, US/EU timezones)" becomes a work-mode field; a trailing "- tagline" goes. */
function readCompany(text: string, header: HeaderFields): void {
  let name = text;
  for (const group of text.match(/\(([^)]*)\)/g) ?? []) {
    if (REMOTE_WORD.test(group)) {
      readWorkplace(group.slice(1, -1), header);
      name = name.replace(group, "");
    }
  }
  name = name
    .split(/\s+(?:-{1,2}|–|—)\s+/)[0]!
    .replace(/\b(multiple|various|several)\s+roles?\b.*$/i, "")
    .replace(/\s+is hiring.*$/i, "")
    .replace(/^at\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  if (name) header.company = name;
}

function readWorkplace(text: string, header: HeaderFields): void {
  const lower = text.toLowerCase();
  const partlyRemote = /\bpart(ly|ial(ly)?)?[- ]remote\b/.test(lower);
  const remote = /\bremote(ly)?\b|\bwfh\b|work from home/.test(lower) && !/\b(no|not)\s+remote\b/.test(lower) && !partlyRemote;
  const hybrid = /\bhybrid\b/.test(lower) || partlyRemote;
  const onsite = /\b(onsite|on-site|on site|in[- ]office|in[- ]person)\b/.test(lower);
  // A remote option wins: for a reader it is the fact that decides whether to apply.
  const hint = remote ? "remote" : hybrid ? "hybrid" : onsite ? "onsite" : undefined;
  if (hint && (!header.remoteHint || hint === "remote")) header.remoteHint = hint;

  for (const part of text.split(/\s+or\s+|\s*;\s*|\s+\/\s+(?=[^)]*(?:\(|$))/i)) {
    const partRemote = /\bremote(ly)?\b/i.test(part);
    const places = [
      ...[...part.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? ""),
      part.replace(/\([^)]*\)/g, " "),
    ]
      // "(2-3 days in office)" is a note about the work mode, not a place.
      .filter((place) => !/\b(days?|week|office|hours?|travel)\b/i.test(place))
      .map((place) => cleanPlace(place.replace(new RegExp(REMOTE_WORD.source, "gi"), " ")))
      .filter((place): place is string => place !== undefined);
    if (partRemote) header.remoteEligibility.push(...places);
    else header.locations.push(...places);
  }
}

function readPlaces(text: string, header: HeaderFields): void {
  if (REMOTE_WORD.test(text)) {
    readWorkplace(text, header);
    return;
  }
  header.locations.push(
    ...text
      .split(/\s*;\s*|\s+\/\s+|\s+or\s+/i)
      .map(cleanPlace)
      .filter((place): place is string => place !== undefined),
  );
}

/** "in NYC" → "NYC", "Bay Area preferred" → "Bay Area"; undefined when no place is left. */
function cleanPlace(text: string): string | undefined {
  const place = text
    .replace(/\b(possible|also considered|considered|preferred|only|friendly|ok|first|within|based|min|part|partly|partially|fully)\b/gi, " ")
    .replace(/\s*[,/](?:\s*[,/])+\s*/g, ", ")
    .replace(/^\s*(in|from|near)\s+/i, "")
    .replace(/^[\s,.:/&+-]+|[\s,.:/&+-]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return /\p{L}{2}/u.test(place) ? place : undefined;
}

/** "Hiring Java Developer (Full-Time)" → "Java Developer". */
export function cleanTitle(text: string): string {
  return text
    .replace(/^(?:we('| a)re\s+)?hiring:?\s+(?:for\s+)?(?:an?\s+)?/i, "")
    .replace(/\s*\((?:full[- ]?time|part[- ]?time|contract|remote|hybrid|onsite|on-site)\)\s*/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * "A + B", "A, B & C", "A and B" name several roles when every part names one on its own
 * ("Staff, Fullstack & Frontend Engineers" is one title). Separators inside parentheses do not count.
 */
export function splitRoles(title: string): string[] {
  const parts = splitOutsideParens(title, /\s+\+\s+|\s*,\s*|\s+&\s+|\s+and\s+/);
  if (parts.length > 1 && parts.every((part) => ROLE_NOUN.test(part))) return parts;
  const plusParts = splitOutsideParens(title, /\s+\+\s+/);
  if (plusParts.length > 1 && plusParts.every((part) => ROLE_NOUN.test(part))) return plusParts;
  return title ? [title] : [];
}

function splitOutsideParens(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "(") depth++;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const match = new RegExp(`^(?:${separator.source})`, separator.flags).exec(text.slice(index));
      if (match && match[0].length > 0) {
        parts.push(current);
        current = "";
        index += match[0].length;
        continue;
      }
    }
    current += char;
    index++;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

const VERB_START =
  /^(build|work|help|mentor|drive|own|ship|partner|collaborate|support|develop|create|implement|maintain|improve|write|design and|lead the|manage|join|experience|strong|you)\b/i;

/** A list line that names a role: "- ML Engineer: https://…", "[2] Security Engineer (Product) - UK". */
export function roleFromListLine(line: string): string | undefined {
  let candidate = line
    .replace(/^\s*(?:[-*•·–]|\d+[.)]|\[\d+\])\s*/, "")
    .split(/\s*:\s|\s+[-–—]{1,2}\s+|\s*\|\s*|https?:\/\/|\bwww\./)[0]!
    .replace(/[\s:–—-]+$/, "")
    .trim();
  if (candidate.split(/\s+/).length > 10) candidate = candidate.split("(")[0]!.trim();
  const words = candidate.split(/\s+/).length;
  if (!candidate || words > 10 || VERB_START.test(candidate) || !ROLE_NOUN.test(candidate)) return undefined;
  return cleanTitle(candidate);
}

export function isListLine(line: string): boolean {
  return /^\s*(?:[-*•·–]|\d+[.)]|\[\d+\])\s+\S/.test(line);
}

/** "COMPANY: Wildkind", "Comp Range: $132,600- $182,250": labelled lines some posts use instead of a header. */
export function readLabel(line: string): { label: string; value: string } | undefined {
  const match =
    /^\s*(company|role|roles|position|positions|title|location|locations|type|job type|salary|compensation|comp range|comp|pay|remote|onsite|apply|url|website)\s*:\s*(.+)$/i.exec(
      line,
    );
  if (!match?.[1] || !match[2]) return undefined;
  return { label: match[1].toLowerCase(), value: match[2].trim().replace(/\.$/, "") };
}

const LEADING_FIELD = [
  /^(?:https?:\/\/|www\.)\S+/i,
  /^(?:full[- ]?time|part[- ]?time|contract(?:-to-hire)?|freelance|internship)\b(?:\s*\([^)]*\))?/i,
  /^(?:remote|onsite|on-site|hybrid)\b(?:\s*\([^)]*\))?/i,
];

/**
 * Some posts run the header straight into prose ("… | ONSITE | https://x.com We build …"). The
 * last field keeps only what reads as a field (a URL, a work mode, an employment type); the rest is body.
 */
export function cutHeader(text: string): { header: string; rest: string } {
  const line = text.replace(/\s+/g, " ").trim();
  const separator = line.includes("|") ? line.lastIndexOf("|") : -1;
  if (separator < 0) return { header: line, rest: "" };
  const head = line.slice(0, separator + 1);
  const last = line.slice(separator + 1).trim();
  if (last.split(" ").length <= 8) return { header: line, rest: "" };
  for (const pattern of LEADING_FIELD) {
    const match = pattern.exec(last);
    if (match) return { header: `${head} ${match[0]}`, rest: last.slice(match[0].length).trim() };
  }
  return { header: head.slice(0, -1).trim(), rest: last };
}
