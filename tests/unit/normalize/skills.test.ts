import { describe, expect, it } from "vitest";
import { SKILL_FAMILIES, SKILL_FAMILY_NAMES, SKILLS, SKILLS_BY_ID, skillPhrase } from "@/lib/normalize/skill-taxonomy";
import { extractPostingSkills, extractSkills, matchSkills } from "@/lib/normalize/skills";
import { syntheticRawPostings } from "@/bench/lib/synthetic";
import { sanitizeDescription, textFromSanitized } from "@/lib/normalize/description";

describe("skill taxonomy", () => {
  it("has about eighty reviewed skills with stable slug ids", () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(80);
    for (const skill of SKILLS) expect(skill.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(SKILLS.map((skill) => skill.id)).size).toBe(SKILLS.length);
  });

  it("puts every skill in a family the site can filter by, and names every family", () => {
    for (const skill of SKILLS) expect(SKILL_FAMILIES).toContain(skill.family);
    for (const family of SKILL_FAMILIES) {
      expect(SKILL_FAMILY_NAMES[family]).toBeTruthy();
      expect(SKILLS.some((skill) => skill.family === family)).toBe(true);
    }
  });

  it("never gives one alias to two skills", () => {
    const owners = new Map<string, string>();
    for (const skill of SKILLS) {
      for (const alias of [...skill.aliases, ...(skill.caseSensitiveAliases ?? [])]) {
        const key = alias.toLowerCase().replace(/[\s-]+/g, "");
        expect(owners.get(key) ?? skill.id, `alias "${alias}"`).toBe(skill.id);
        owners.set(key, skill.id);
      }
    }
  });

  it("covers the languages, frameworks, platforms and techniques the issue lists", () => {
    const ids = ["python", "cpp", "rust", "java", "go", "scala", "cuda", "pytorch", "tensorflow", "jax", "onnx", "triton", "tensorrt", "vllm", "hugging-face", "ray", "spark", "kafka", "airflow", "kubeflow", "mlflow", "feature-store", "kubernetes", "docker", "aws", "sagemaker", "gcp", "vertex-ai", "azure", "terraform", "quantization", "pruning", "distillation", "caching", "rag", "fine-tuning", "rlhf", "recommender-systems", "computer-vision", "nlp", "speech", "llms"];
    for (const id of ids) expect(SKILLS_BY_ID.has(id), id).toBe(true);
  });

  it("writes techniques in lower case inside a sentence, products as named", () => {
    expect(skillPhrase(SKILLS_BY_ID.get("model-serving")!)).toBe("model serving");
    expect(skillPhrase(SKILLS_BY_ID.get("pytorch")!)).toBe("PyTorch");
    expect(skillPhrase(SKILLS_BY_ID.get("agents")!)).toBe("AI agents");
  });
});

describe("extractSkills", () => {
  it("finds skills by name and alias and returns slugs", () => {
    expect(extractSkills("Experience with PyTorch, k8s and Hugging Face transformers")).toEqual(["pytorch", "kubernetes", "hugging-face", "deep-learning"]);
  });

  it("orders skills by how often the text mentions them, then by first mention", () => {
    expect(extractSkills("Kubernetes. Python. Python and PyTorch. Python, PyTorch.")).toEqual(["python", "pytorch", "kubernetes"]);
  });

  it("treats spaces and hyphens inside a name alike", () => {
    expect(extractSkills("fine-tuning")).toEqual(["fine-tuning"]);
    expect(extractSkills("fine tuning")).toEqual(["fine-tuning"]);
    expect(extractSkills("finetuning")).toEqual(["fine-tuning"]);
    expect(extractSkills("Retrieval-Augmented Generation")).toEqual(["rag"]);
  });

  describe("Go the language, not the verb", () => {
    it.each([
      ["We write services in Go and Python.", true],
      ["Languages: Python, Go, Rust", true],
      ["Experience with Golang", true],
      ["Backend written in Go.", true],
      ["Go (Golang) microservices", true],
      ["Our go-to-market team", false],
      ["Go to market with confidence", false],
      ["Go beyond the obvious.", false],
      ["Work on the go", false],
      ["Let's go, team!", false],
    ])("%s", (text, found) => {
      expect(extractSkills(text).includes("go")).toBe(found);
    });
  });

  it("matches Rust, Scala and Java only as whole words", () => {
    expect(extractSkills("We build trust with our users")).toEqual([]);
    expect(extractSkills("Rusty pipes")).toEqual([]);
    expect(extractSkills("Scalable systems")).toEqual([]);
    expect(extractSkills("JavaScript")).toEqual(["javascript"]);
    expect(extractSkills("Rust and Scala")).toEqual(["rust", "scala"]);
  });

  it("keeps the punctuation that is part of C++ and C#", () => {
    expect(extractSkills("Modern C++ and C# experience")).toEqual(["cpp", "csharp"]);
    expect(extractSkills("C/C++ on embedded targets")).toEqual(["cpp"]);
    expect(extractSkills("Grades: C, C+")).toEqual([]);
  });

  it("counts R only beside other languages", () => {
    expect(extractSkills("Statistics in Python or R")).toEqual(["python", "r"]);
    expect(extractSkills("Python, R, SQL")).toEqual(["python", "r", "sql"]);
    expect(extractSkills("Our R&D team")).toEqual([]);
    expect(extractSkills("Plan R is ready")).toEqual([]);
  });

  it("counts Spark the engine, not sparked or sparks", () => {
    expect(extractSkills("Apache Spark and PySpark jobs")).toEqual(["spark"]);
    expect(extractSkills("Spark, Kafka and Flink")).toEqual(["spark", "kafka", "flink"]);
    expect(extractSkills("a talk that sparked ideas; sparks fly")).toEqual([]);
  });

  it("counts Ray the framework in a list, not a person called Ray", () => {
    expect(extractSkills("Distributed compute with Ray, Dask and Spark")).toContain("ray");
    expect(extractSkills("Ray Smith, our CEO, will interview you")).toEqual([]);
    expect(extractSkills("Ray Serve and Ray Train")).toEqual(["torchserve", "ray"]);
  });

  it("counts a long name once, not again for a short name inside it", () => {
    expect(matchSkills("Triton Inference Server").map((mention) => [mention.id, mention.count])).toEqual([["triton", 1]]);
  });

  it("reads techniques: quantization, distillation, caching, RAG, RLHF, recommender systems", () => {
    const text = "We use INT8 quantization, knowledge distillation and KV cache reuse for RAG. Experience with RLHF and recommender systems.";
    expect(extractSkills(text)).toEqual(expect.arrayContaining(["quantization", "distillation", "caching", "rag", "rlhf", "recommender-systems"]));
  });

  it("extracts skills from 10,000 postings of 5,000 characters in well under a few seconds", () => {
    const paragraph =
      "About the role: we are looking for a Senior Machine Learning Engineer to join our Ranking team. You will train and deploy models that personalize the feed, working with product managers and data scientists. Build training pipelines in Python with PyTorch and Spark; own model serving on Kubernetes; improve latency with quantization and caching. 5+ years of experience; AWS or GCP. Nice to have: Go or Rust, Ray, Kafka, feature stores. We go to market fast and value trust. ";
    const text = paragraph.repeat(Math.ceil(5000 / paragraph.length)).slice(0, 5000);
    // CPU time, not wall time: other test files share the machine's cores.
    const started = process.cpuUsage();
    let found = 0;
    for (let posting = 0; posting < 10_000; posting += 1) found += extractSkills(`${text} ${posting}`).length;
    const { user, system } = process.cpuUsage(started);
    expect(found).toBeGreaterThan(0);
    // About 0.6 s of CPU here; the bound leaves room for a slower machine.
    expect((user + system) / 1000).toBeLessThan(4000);
  });
});

describe("extractPostingSkills", () => {
  it("ranks a title and description's skills as one scan of both would", () => {
    const cases: [string, string][] = [
      ["Staff ML Engineer, PyTorch", "You will use Kubernetes, Ray and PyTorch. Kubernetes twice: kubernetes."],
      ["Senior MLE (CUDA, Triton)", "Write CUDA kernels. Serve with vLLM and TensorRT, vLLM again."],
      ["Engineer", ""],
      ["Go and Rust engineer", "Languages: Go, Rust, Python. We deploy on AWS and GCP with Terraform."],
    ];
    for (const raw of syntheticRawPostings(200, { seed: 5, idPrefix: "S" })) {
      cases.push([raw.title, textFromSanitized(sanitizeDescription(raw.descriptionHtml ?? ""))]);
    }
    let withSkills = 0;
    for (const [title, description] of cases) {
      const expected = extractSkills(`${title}\n${description}`);
      if (expected.length > 0) withSkills++;
      expect(extractPostingSkills(title, description ? matchSkills(description) : []), title).toEqual(expected);
    }
    expect(withSkills).toBeGreaterThan(150);
  });
});
