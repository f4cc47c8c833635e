import { formatCountOf } from "@/lib/format";

/**
 * The line above a company's roles: how many open ML roles it shows and, when they are all shown, how
 * many of the company's other open postings are left out and why ("1 other open posting is not a
 * senior ML role"), so the two numbers never seem to disagree.
 */
export function companyRolesSummary(shown: number, openPostings: number, allShown: boolean): string {
  const roles = `${formatCountOf(shown, "open ML role", "open ML roles")}${allShown ? "" : " shown"}, adjacent ones (data science, ML management) included.`;
  const others = openPostings - shown;
  if (!allShown || others <= 0) return roles;
  return `${roles} ${formatCountOf(others, "other open posting is not a senior ML role", "other open postings are not senior ML roles")}.`;
}
