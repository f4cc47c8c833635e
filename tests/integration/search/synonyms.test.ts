/**
 * Search words that name a skill by another name ("k8s", "llm", "torch") also find the postings
 * tagged with the skill, in the listing, its counts, relevance and the "why it matches" places.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ingestPostings } from "@/lib/ingest/ingest-postings";
import type { NormalizedPosting } from "@/lib/normalize/types";
import { countFacets, listPostings } from "@/lib/search/listing";
import { parseListingParams } from "@/lib/search/listing-params";
import { makePosting } from "@/tests/helpers/posting-factory";
import { setupTestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-11-26T12:00:00Z");

function posting(id: string, title: string, descriptionText: string, skills: string[], daysAgo: number): NormalizedPosting {
  return makePosting({ externalId: id, title, descriptionText, descriptionHtml: `<p>${descriptionText}</p>`, skills, postedAt: new Date(NOW.getTime() - daysAgo * 86_400_000) });
}

describe("search synonyms", () => {
  const database = setupTestDatabase();

  beforeAll(async () => {
    const source = await database.db.source.create({ data: { kind: "greenhouse", token: "synonyms-test" } });
    await ingestPostings(
      database.db,
      source.id,
      [
        // Tagged Kubernetes from "EKS"; the text never says k8s.
        posting("eks", "Senior ML Platform Engineer", "Run training jobs on EKS with Argo.", ["kubernetes", "aws"], 1),
        posting("k8s", "Staff ML Engineer", "Our k8s clusters serve every model.", ["kubernetes"], 2),
        posting("title", "Senior ML Engineer, Kubernetes Platform", "Own the GPU scheduler.", ["kubernetes", "gpu"], 3),
        posting("torch", "Senior ML Engineer", "Take models from research to production.", ["pytorch"], 4),
        posting("golang", "Staff ML Infrastructure Engineer", "Services in Go and Python.", ["go", "python"], 5),
        posting("llm", "Senior ML Engineer", "Fine-tune foundation models for support.", ["llms"], 6),
        // Kubernetes in the text only, untagged: the skill's name counts wherever it is.
        posting("untagged", "Senior ML Engineer, Serving", "Deploy models on Kubernetes.", [], 7),
        // "go" the verb, not the language: "golang" must not find it.
        posting("verb", "Senior ML Engineer, Ranking", "Ideas go from notebook to production in days.", ["python"], 8),
        posting("spark", "Senior ML Data Engineer", "Batch features with Apache Spark.", ["spark"], 9),
        // "C++" and "C#" both parse to 'c', as does Objective-C.
        posting("cpp", "Senior Inference Engineer", "Write C++ kernels for the serving path.", ["cpp"], 10),
        posting("csharp", "Senior ML Engineer, Games", "Ship models inside our C# game services.", ["csharp"], 11),
        posting("objc", "Senior ML Engineer, iOS", "On-device models in Objective-C apps.", [], 12),
        // R the language, and the letter of "R&D".
        posting("rlang", "Senior ML Engineer, Forecasting", "Models in R and Python.", ["r", "python"], 13),
        posting("rnd", "Staff ML Engineer, Research", "Join our R&D group.", [], 14),
      ],
      { now: NOW },
    );
  });

  const titles = async (query: string) => {
    const page = await listPostings(database.db, parseListingParams(new URLSearchParams(query)).filter, null, { now: NOW });
    return page.items.map((item) => item.title + (item.termMatches ? ` [${item.termMatches.map((m) => `${m.term}:${m.in}`).join(", ")}]` : ""));
  };
  const total = async (query: string) => (await countFacets(database.db, parseListingParams(new URLSearchParams(query)).filter, { now: NOW })).total;

  it("finds postings tagged with the skill a word names, and says where", async () => {
    expect(await titles("q=k8s&sort=newest")).toEqual([
      "Senior ML Platform Engineer [k8s:skills]",
      "Staff ML Engineer [k8s:skills]",
      "Senior ML Engineer, Kubernetes Platform [k8s:title]",
      "Senior ML Engineer, Serving [k8s:description]",
    ]);
    expect(await total("q=k8s")).toBe(4);
    expect(await total("q=K8S")).toBe(4);
    // Relevance ranks the same set.
    expect((await titles("q=k8s")).sort()).toEqual((await titles("q=k8s&sort=newest")).sort());
  });

  it("knows other skills' names too", async () => {
    expect(await titles("q=llm")).toEqual(["Senior ML Engineer [llm:skills]"]);
    expect(await titles("q=torch")).toEqual(["Senior ML Engineer [torch:skills]"]);
  });

  it("finds a skill whose id is an everyday word by its tag, not by the word", async () => {
    expect(await titles("q=golang")).toEqual(["Staff ML Infrastructure Engineer [golang:skills]"]);
    expect(await total("q=golang")).toBe(1);
    expect(await titles("q=pyspark")).toEqual(["Senior ML Data Engineer [pyspark:skills]"]);
    expect(await total("q=engineer -golang -pyspark")).toBe(12);
    // The tag is no word anyone can type: "#go" is "go".
    expect(await total("q=%23go")).toBe(await total("q=go"));
  });

  it("searches go and r, typed alone, as the languages, not the verb or the letter", async () => {
    expect(await titles("q=go")).toEqual(["Staff ML Infrastructure Engineer [go:skills]"]);
    expect(await titles("q=R")).toEqual(["Senior ML Engineer, Forecasting [R:skills]"]);
    expect(await total("q=rstats")).toBe(1);
    expect(await total("q=go or r")).toBe(2);
    expect(await total("q=engineer -r")).toBe(13);
    // Written as in the text, they are the text's words.
    expect(await titles("q=r%26d")).toEqual(["Staff ML Engineer, Research [r&d:description]"]);
    expect(await titles('q="ideas go"')).toEqual(["Senior ML Engineer, Ranking [ideas go:description]"]);
  });

  it("tells c++ from c# and from a lone C, by the skill each posting is tagged with", async () => {
    expect(await titles("q=c%2B%2B")).toEqual(["Senior Inference Engineer [c++:skills]"]);
    expect(await titles("q=C%23")).toEqual(["Senior ML Engineer, Games [C#:skills]"]);
    expect(await total("q=c%2B%2B or c%23")).toBe(2);
    expect(await total("q=engineer -c%2B%2B")).toBe(13);
    // A quoted phrase matches the text as written: "C++ kernels" is 'c' then 'kernel'.
    expect(await titles('q="c%2B%2B kernels"')).toEqual(["Senior Inference Engineer [c++ kernels:description]"]);
  });

  it("widens the word wherever the query has it: with other words, with or, and when excluded", async () => {
    expect(await total("q=k8s gpu")).toBe(1);
    expect(await total("q=torch or llm")).toBe(2);
    expect(await total("q=engineer -k8s")).toBe(10);
    expect(await total("q=kubernetes")).toBe(4);
  });
});
