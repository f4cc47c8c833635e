import type { RawPosting } from "@/scrapers/types";

/** Deterministic PRNG (mulberry32) so runs generate the same postings. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = ["Senior", "Staff", "Principal", "Lead", "", "Sr.", "Junior", "Senior Staff"];
const ROLES = [
  "Machine Learning Engineer",
  "ML Infrastructure Engineer",
  "Software Engineer, ML Platform",
  "Inference Engineer",
  "Research Engineer, Pretraining",
  "Applied Scientist",
  "Data Scientist",
  "Engineering Manager, ML",
  "Product Designer",
  "Account Executive",
  "Frontend Engineer",
  "Data Analyst",
  "MLOps Engineer",
  "Recommendation Systems Engineer",
];
const TEAMS = ["", ", Ranking", ", Ads", ", LLM Serving", ", Search", ", Trust & Safety", " - Computer Vision", " (Remote)"];
const PLACES = [
  "San Francisco, CA",
  "New York, NY",
  "Seattle, WA",
  "London, UK",
  "Berlin, Germany",
  "Paris, France",
  "Toronto, Canada",
  "Bengaluru, India",
  "Remote (US only)",
  "Remote - EMEA",
  "Remote, Europe",
  "Zurich, Switzerland",
  "Amsterdam, Netherlands",
  "Austin, TX",
];
const SENTENCES = [
  "You will design, build and operate the systems that train and serve our models in production.",
  "Experience with PyTorch or JAX and a strong grasp of distributed training on GPUs is expected.",
  "We run inference at scale with vLLM and TensorRT on Kubernetes, and care about p99 latency.",
  "You have 7+ years of experience building backend or ML systems in Python, Go or C++.",
  "Familiarity with Ray, Spark or Kafka pipelines and feature stores is a plus.",
  "You will mentor engineers, lead design reviews and raise the bar on code quality.",
  "Our stack includes AWS, SageMaker, Terraform, Airflow and MLflow for reproducibility.",
  "You will work on quantization, distillation and caching to make models cheaper to serve.",
  "We value clear writing, ownership and shipping small changes often.",
  "The team partners with research to turn new model architectures into reliable products.",
  "Benefits include health coverage, a learning budget, parental leave and equity.",
  "You will own evaluation pipelines, dashboards and alerting for model quality in production.",
  "Experience with recommender systems, ranking or retrieval-augmented generation helps.",
  "Our customers rely on us for low-latency, high-throughput predictions every day.",
  "CUDA kernels, Triton and profiling GPU workloads are part of the day to day work.",
  "We hire across time zones and meet in person twice a year.",
];
const SALARIES = ["$180,000 – $240,000", "€90k–110k", "£120,000 per annum", "180-240K USD", "$210,000 - $265,000 USD", ""];

export interface SyntheticOptions {
  seed: number;
  /** Prefix of external ids, so batches from different runs do not collide. */
  idPrefix?: string;
  companies?: number;
  minDescription?: number;
  maxDescription?: number;
}

/** Realistic-looking raw postings: real-length descriptions, uncorrelated filter fields. */
export function syntheticRawPostings(count: number, options: SyntheticOptions): RawPosting[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const companies = options.companies ?? 300;
  const minLength = options.minDescription ?? 3000;
  const maxLength = options.maxDescription ?? 6000;
  const postings: RawPosting[] = [];
  for (let i = 0; i < count; i++) {
    const title = `${pick(LEVELS)} ${pick(ROLES)}${pick(TEAMS)}`.trim();
    const target = minLength + Math.floor(random() * (maxLength - minLength));
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const paragraph = Array.from({ length: 3 }, () => pick(SENTENCES)).join(" ");
      paragraphs.push(`<p>${paragraph}</p>`);
      length += paragraph.length + 7;
    }
    const salary = pick(SALARIES);
    if (salary) paragraphs.push(`<p>The base salary range for this role is ${salary}.</p>`);
    const company = `${options.idPrefix ?? "Company"} ${1 + Math.floor(random() * companies)}`;
    const id = `${options.idPrefix ?? "syn"}-${i}`;
    postings.push({
      externalId: id,
      title,
      company,
      url: `https://boards.example.test/${encodeURIComponent(company)}/${id}`,
      locations: random() < 0.2 ? [pick(PLACES), pick(PLACES)] : [pick(PLACES)],
      descriptionHtml: paragraphs.join("\n"),
      postedAt: new Date(Date.UTC(2026, 10, 26) - Math.floor(random() * 60) * 86_400_000).toISOString(),
      employmentType: "Full-time",
    });
  }
  return postings;
}
