import { describe, expect, it } from "vitest";
import { companyRolesSummary } from "@/lib/companies/roles-summary";

describe("companyRolesSummary", () => {
  it("counts the roles shown in the right number", () => {
    expect(companyRolesSummary(1, 1, true)).toBe("1 open ML role, adjacent ones (data science, ML management) included.");
    expect(companyRolesSummary(4, 4, true)).toBe("4 open ML roles, adjacent ones (data science, ML management) included.");
  });

  it("says how many other open postings are left out, and why", () => {
    expect(companyRolesSummary(4, 5, true)).toBe("4 open ML roles, adjacent ones (data science, ML management) included. 1 other open posting is not a senior ML role.");
    expect(companyRolesSummary(2, 1_502, true)).toBe("2 open ML roles, adjacent ones (data science, ML management) included. 1,500 other open postings are not senior ML roles.");
    expect(companyRolesSummary(0, 3, true)).toBe("0 open ML roles, adjacent ones (data science, ML management) included. 3 other open postings are not senior ML roles.");
  });

  it("says only how many are shown when the page holds a part of them", () => {
    expect(companyRolesSummary(100, 140, false)).toBe("100 open ML roles shown, adjacent ones (data science, ML management) included.");
  });
});
