import { z } from "zod";
import { apiPostingSchema } from "./api-shape";
import { FAMILY_OPTIONS, LEVEL_OPTIONS, POSTED_OPTIONS, REMOTE_OPTIONS, SORT_OPTIONS, SOURCE_OPTIONS } from "./schemas";

const arrayParam = (name: string, values: readonly string[], description: string) => ({
  name,
  in: "query",
  description: `${description} Repeat the parameter or separate values with commas.`,
  schema: { type: "array", items: { type: "string", enum: values } },
  style: "form",
  explode: true,
});

/** A posting's JSON Schema, from the zod schema the API's answers are checked against (OpenAPI 3.1 uses JSON Schema 2020-12). */
function postingItemSchema() {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(apiPostingSchema);
  return schema;
}

/** The OpenAPI 3.1 description of the read-only JSON API, from the same option lists as the filter schema. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "mlradar API",
      version: "1",
      description:
        "Read-only listing of open senior / staff / principal / lead ML engineering postings. Parameters are those of the listing page; unknown or invalid ones are listed back in `ignored`, never an error.",
    },
    paths: {
      "/api/v1/postings": {
        get: {
          summary: "Open postings matching the filters, keyset-paginated",
          parameters: [
            { name: "q", in: "query", description: "Full-text search (web search syntax: quotes, OR, -word). A word that names a skill by another name (k8s, llm, torch, golang, pyspark, ...) also finds the postings tagged with that skill; c++ and c# find the postings tagged C++ or C#, and go and r typed alone the postings tagged Go or R. A word also finds its other number (GPUs and GPU, LLMs and LLM).", schema: { type: "string", maxLength: 200 } },
            arrayParam("remote", REMOTE_OPTIONS, "Work mode."),
            { name: "location", in: "query", description: "A country, by ISO code (US) or English name (Germany, UK), or a city name.", schema: { type: "string" } },
            { name: "eligible", in: "query", description: "Where you live, as an ISO 3166-1 country code or the country's English name (Germany, UK): remote roles open to it, remote roles whose stated working hours include one of its time zones, or roles located in it. Anything that is not one country is ignored and listed back.", schema: { type: "string", maxLength: 80 } },
            arrayParam("level", LEVEL_OPTIONS, "Level."),
            arrayParam("family", FAMILY_OPTIONS, "Role family."),
            { name: "adjacent", in: "query", description: "1 to include adjacent roles (data science, ML management).", schema: { type: "string", enum: ["1", "0"] } },
            { name: "skills", in: "query", description: "Skill ids (all must match), e.g. pytorch, cuda, kubernetes.", schema: { type: "array", items: { type: "string" } } },
            { name: "salaryMin", in: "query", description: "Minimum annual salary in USD: 180000, or as typed (180k, $180,000).", schema: { type: "integer", minimum: 0 } },
            { name: "withoutSalary", in: "query", description: "With salaryMin: 1 to also keep postings that state no salary.", schema: { type: "string", enum: ["1", "0"] } },
            { name: "visa", in: "query", description: "1 for only the postings that say they sponsor work visas.", schema: { type: "string", enum: ["1", "0"] } },
            { name: "company", in: "query", description: "Company slugs.", schema: { type: "array", items: { type: "string" } } },
            { name: "posted", in: "query", description: "Posted within.", schema: { type: "string", enum: POSTED_OPTIONS } },
            arrayParam("source", SOURCE_OPTIONS, "Board kind."),
            { name: "sort", in: "query", description: "Default: relevance with q, newest without.", schema: { type: "string", enum: SORT_OPTIONS } },
            { name: "cursor", in: "query", description: "Opaque cursor from the previous page's `next` link.", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "One page of postings",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["filter", "ignored", "total", "data", "next", "didYouMean"],
                    properties: {
                      filter: { type: "object", description: "The filters applied, after validation." },
                      ignored: {
                        type: "array",
                        items: { type: "object", properties: { param: { type: "string" }, value: { type: "string" }, reason: { type: "string" } } },
                      },
                      total: { type: "integer" },
                      totalIsCapped: { type: "boolean", description: "true when there are more matches than total (10,000+)." },
                      sort: { type: "string", enum: SORT_OPTIONS },
                      data: { type: "array", items: postingItemSchema() },
                      next: { type: ["string", "null"], description: "URL of the next page." },
                      didYouMean: {
                        type: ["string", "null"],
                        description: "When `q` found nothing and a word of it looks misspelled: `q` as it was probably meant (\"pytroch\" → \"pytorch\"). Null otherwise.",
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
