import { describe, expect, it } from "vitest";
import { activeFilters, clearFiltersHref } from "@/lib/search/active-filters";
import { parseListingParams } from "@/lib/search/listing-params";

const parse = (query: string) => parseListingParams(new URLSearchParams(query));
/** The filter a chip's link leads to, read back the way the page reads it. */
const followed = (href: string) => parse(href.replace(/^\/\??/, "")).filter;

describe("activeFilters", () => {
  it("is empty without filters, and ignores the sort order and the page", () => {
    expect(activeFilters(parse("sort=salary").filter)).toEqual([]);
    expect(activeFilters({})).toEqual([]);
  });

  it("names every filter, one chip per value, in the form's order", () => {
    const { filter, ignored } = parse(
      "q=vllm&remote=remote&remote=hybrid&location=Berlin&eligible=de&level=staff&family=inference_serving&adjacent=1" +
        "&skills=pytorch&skills=cuda&salaryMin=180000&withoutSalary=1&company=tensorlane&company=quillstone&posted=7d&source=greenhouse&sort=salary",
    );
    expect(ignored).toEqual([]);
    const labels = activeFilters(filter, new Map([["tensorlane", "Tensorlane"]])).map((chip) => chip.label);
    expect(labels).toEqual([
      "“vllm”",
      "Remote",
      "Hybrid",
      "Staff",
      "Inference and serving",
      "Adjacent roles included",
      "In Berlin",
      "Open to Germany",
      "≥ $180K a year or not stated",
      "PyTorch",
      "CUDA",
      "Tensorlane",
      "quillstone",
      "Last 7 days",
      "Greenhouse",
    ]);
  });

  it("links each chip to the same listing without that one value, keeping the rest and the sort", () => {
    const { filter } = parse("q=vllm&remote=remote&remote=hybrid&skills=pytorch&salaryMin=150000&withoutSalary=1&sort=salary");
    const chips = activeFilters(filter);
    const byLabel = (label: string) => followed(chips.find((chip) => chip.label === label)!.href);

    expect(byLabel("Remote")).toEqual({ q: "vllm", remote: ["hybrid"], skills: ["pytorch"], salaryMin: 150000, withoutSalary: true, sort: "salary" });
    expect(byLabel("“vllm”")).toEqual({ remote: ["remote", "hybrid"], skills: ["pytorch"], salaryMin: 150000, withoutSalary: true, sort: "salary" });
    // The last value of a parameter takes the parameter away; "without salary" goes with the minimum it qualifies.
    expect(byLabel("PyTorch")).toEqual({ q: "vllm", remote: ["remote", "hybrid"], salaryMin: 150000, withoutSalary: true, sort: "salary" });
    expect(byLabel("≥ $150K a year or not stated")).toEqual({ q: "vllm", remote: ["remote", "hybrid"], skills: ["pytorch"], sort: "salary" });
  });

  it("drops a relevance order with the words it ranks by", () => {
    const { filter } = parse("q=vllm&level=staff&sort=relevance");
    expect(activeFilters(filter).map((chip) => chip.href)).toEqual(["/?level=staff", "/?q=vllm&sort=relevance"]);
  });

  it("writes salaries under $1,000 a year without rounding them to zero", () => {
    expect(activeFilters({ salaryMin: 500 })[0]!.label).toBe("≥ $0.5K a year");
  });
});

describe("clearFiltersHref", () => {
  it("drops every filter, keeping a salary order only", () => {
    expect(clearFiltersHref(parse("q=rust&level=lead&sort=salary").filter)).toBe("/?sort=salary");
    expect(clearFiltersHref(parse("q=rust&level=lead&sort=relevance").filter)).toBe("/");
    expect(clearFiltersHref(parse("q=rust&level=lead").filter)).toBe("/");
  });
});
