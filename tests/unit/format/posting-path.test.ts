import { describe, expect, it } from "vitest";
import { postingPath, slugify } from "@/lib/format";

describe("postingPath", () => {
  it("is /jobs/<id>/<slug of title and company>, accents folded", () => {
    expect(postingPath({ id: 8, title: "Staff ML Engineer, Inférence", companyName: "Tensorlane" })).toBe("/jobs/8/staff-ml-engineer-inference-tensorlane");
  });

  it("keeps a slug segment when the title and company have no Latin letters or digits", () => {
    expect(slugify("機械学習エンジニア 株式会社")).toBe("");
    expect(postingPath({ id: 9, title: "機械学習エンジニア", companyName: "株式会社" })).toBe("/jobs/9/posting");
  });
});
