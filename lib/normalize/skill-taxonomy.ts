/**
 * The reviewed skill taxonomy: what the site lists and filters by, and what extractSkills matches.
 * Aliases are matched case-insensitively on word boundaries; spaces and hyphens inside an alias
 * also match each other or nothing ("fine-tuning", "fine tuning", "finetuning").
 */

export const SKILL_FAMILIES = [
  "inference_serving",
  "distributed_training",
  "ml_platform",
  "data_pipelines",
  "applied_domains",
  "languages",
  "cloud",
  "frameworks",
] as const;

export type SkillFamily = (typeof SKILL_FAMILIES)[number];

export const SKILL_FAMILY_NAMES: Record<SkillFamily, string> = {
  inference_serving: "Inference and serving",
  distributed_training: "Distributed training",
  ml_platform: "ML platform and MLOps",
  data_pipelines: "Data pipelines",
  applied_domains: "Applied domains and techniques",
  languages: "Languages",
  cloud: "Cloud and operations",
  frameworks: "Frameworks and libraries",
};

/**
 * How a short, ambiguous name must be used before it counts:
 * "list" — next to another skill in a list ("Python, Go and Rust", "Spark/Ray");
 * "language" — beside another programming language or after "in"/"using" ("written in Go").
 */
export type SkillContext = "list" | "language";

export interface Skill {
  /** Stable slug stored on postings and used in URLs. */
  id: string;
  name: string;
  family: SkillFamily;
  /** Case-insensitive aliases. */
  aliases: readonly string[];
  /** Exact-case aliases that are ordinary words in lower case ("Go", "Ray", "R"). */
  caseSensitiveAliases?: readonly string[];
  /** Required context for the case-sensitive aliases; without it they match on case alone. */
  context?: SkillContext;
  /** A practice rather than a product: written in lower case inside a sentence ("asks for model serving"). */
  technique?: true;
}

export const SKILLS: readonly Skill[] = [
  // Languages
  { id: "python", name: "Python", family: "languages", aliases: ["python", "python3"] },
  { id: "cpp", name: "C++", family: "languages", aliases: ["c++", "cpp", "c/c++", "c++17", "c++20"] },
  { id: "rust", name: "Rust", family: "languages", aliases: ["rust", "rustlang"] },
  { id: "java", name: "Java", family: "languages", aliases: ["java"] },
  { id: "go", name: "Go", family: "languages", aliases: ["golang"], caseSensitiveAliases: ["Go"], context: "language" },
  { id: "scala", name: "Scala", family: "languages", aliases: ["scala"] },
  { id: "cuda", name: "CUDA", family: "languages", aliases: ["cuda"] },
  { id: "sql", name: "SQL", family: "languages", aliases: ["sql"] },
  { id: "r", name: "R", family: "languages", aliases: ["rlang", "rstats"], caseSensitiveAliases: ["R"], context: "language" },
  { id: "julia", name: "Julia", family: "languages", aliases: [], caseSensitiveAliases: ["Julia"], context: "language" },
  { id: "typescript", name: "TypeScript", family: "languages", aliases: ["typescript"] },
  { id: "javascript", name: "JavaScript", family: "languages", aliases: ["javascript"] },
  { id: "kotlin", name: "Kotlin", family: "languages", aliases: ["kotlin"] },
  { id: "csharp", name: "C#", family: "languages", aliases: ["c#"] },

  // Frameworks and libraries
  { id: "pytorch", name: "PyTorch", family: "frameworks", aliases: ["pytorch", "torch", "libtorch"] },
  { id: "tensorflow", name: "TensorFlow", family: "frameworks", aliases: ["tensorflow", "tf2", "tfx"] },
  { id: "jax", name: "JAX", family: "frameworks", aliases: ["jax", "flax"] },
  { id: "keras", name: "Keras", family: "frameworks", aliases: ["keras"] },
  { id: "hugging-face", name: "Hugging Face", family: "frameworks", aliases: ["hugging face", "huggingface", "hf transformers"] },
  { id: "scikit-learn", name: "scikit-learn", family: "frameworks", aliases: ["scikit-learn", "scikit learn", "sklearn"] },
  { id: "xgboost", name: "XGBoost", family: "frameworks", aliases: ["xgboost", "lightgbm", "catboost", "gradient boosted trees", "gradient boosting"] },
  { id: "langchain", name: "LangChain", family: "frameworks", aliases: ["langchain", "langgraph", "llamaindex", "llama index"] },
  { id: "numpy", name: "NumPy", family: "frameworks", aliases: ["numpy", "scipy"] },
  { id: "pandas", name: "pandas", family: "frameworks", aliases: ["pandas", "polars"] },

  // Inference and serving
  { id: "model-serving", name: "Model serving", family: "inference_serving", technique: true, aliases: ["model serving", "serving models", "model deployment", "deploying models", "inference serving", "serving infrastructure", "serving systems", "online inference", "real-time inference", "llm serving", "inference server", "inference servers", "inference service", "inference services", "inference engine", "inference engines"] },
  { id: "inference-optimization", name: "Inference optimization", family: "inference_serving", technique: true, aliases: ["inference optimization", "inference optimisation", "inference performance", "inference latency", "low-latency inference", "inference efficiency", "optimizing inference", "model optimization"] },
  { id: "vllm", name: "vLLM", family: "inference_serving", aliases: ["vllm"] },
  { id: "sglang", name: "SGLang", family: "inference_serving", aliases: ["sglang"] },
  { id: "tgi", name: "Text Generation Inference", family: "inference_serving", aliases: ["text generation inference", "text-generation-inference"] },
  { id: "tensorrt", name: "TensorRT", family: "inference_serving", aliases: ["tensorrt", "tensorrt-llm", "trt-llm", "trtllm"] },
  { id: "triton", name: "Triton", family: "inference_serving", aliases: ["triton inference server", "openai triton", "triton kernels"], caseSensitiveAliases: ["Triton"] },
  { id: "onnx", name: "ONNX", family: "inference_serving", aliases: ["onnx", "onnx runtime", "onnxruntime"] },
  { id: "openvino", name: "OpenVINO", family: "inference_serving", aliases: ["openvino", "tflite", "tensorflow lite", "coreml", "core ml", "executorch"] },
  { id: "torchserve", name: "TorchServe / KServe / BentoML", family: "inference_serving", aliases: ["torchserve", "kserve", "bentoml", "seldon", "ray serve", "tf serving", "tensorflow serving"] },
  { id: "quantization", name: "Quantization", family: "inference_serving", technique: true, aliases: ["quantization", "quantisation", "quantized", "int8", "fp8", "int4"] },
  { id: "pruning", name: "Pruning", family: "inference_serving", technique: true, aliases: ["pruning", "sparsity"] },
  { id: "distillation", name: "Distillation", family: "inference_serving", technique: true, aliases: ["distillation", "knowledge distillation", "model distillation"] },
  { id: "caching", name: "Caching", family: "inference_serving", technique: true, aliases: ["caching", "kv cache", "kv-cache", "kv caching", "prefix caching", "paged attention", "pagedattention"] },
  { id: "batching", name: "Batching", family: "inference_serving", technique: true, aliases: ["continuous batching", "dynamic batching", "request batching", "in-flight batching"] },
  { id: "speculative-decoding", name: "Speculative decoding", family: "inference_serving", technique: true, aliases: ["speculative decoding", "speculative sampling"] },
  { id: "gpu-kernels", name: "GPU kernels", family: "inference_serving", technique: true, aliases: ["gpu kernels", "cuda kernels", "kernel optimization", "custom kernels", "flashattention", "flash attention", "cutlass"] },

  // Distributed training
  { id: "distributed-training", name: "Distributed training", family: "distributed_training", technique: true, aliases: ["distributed training", "large-scale training", "large scale training", "multi-node training", "data parallelism", "model parallelism", "tensor parallelism", "pipeline parallelism", "data parallel", "model parallel", "tensor parallel", "pipeline parallel", "fsdp", "zero-3", "training infrastructure", "training at scale"] },
  { id: "pretraining", name: "Pretraining", family: "distributed_training", technique: true, aliases: ["pretraining", "pre-training", "foundation model training", "training large models", "training llms"] },
  { id: "deepspeed", name: "DeepSpeed", family: "distributed_training", aliases: ["deepspeed"] },
  { id: "megatron", name: "Megatron-LM", family: "distributed_training", aliases: ["megatron", "megatron-lm", "nvidia nemo"] },
  { id: "nccl", name: "NCCL / collectives", family: "distributed_training", aliases: ["nccl", "mpi", "rdma", "infiniband", "collective communication", "collective communications"] },
  { id: "horovod", name: "Horovod", family: "distributed_training", aliases: ["horovod"] },
  { id: "ray", name: "Ray", family: "distributed_training", aliases: ["ray train", "ray tune", "ray data", "anyscale", "ray cluster", "ray clusters"], caseSensitiveAliases: ["Ray"], context: "list" },
  { id: "gpu", name: "GPUs", family: "distributed_training", aliases: ["gpu", "gpus", "gpu clusters", "h100", "a100", "h100s", "a100s"] },
  { id: "tpu", name: "TPUs", family: "distributed_training", aliases: ["tpu", "tpus", "trainium", "ml accelerators", "ai accelerators", "hardware accelerators"] },
  { id: "mixed-precision", name: "Mixed precision", family: "distributed_training", technique: true, aliases: ["mixed precision", "mixed-precision", "bf16", "fp16"] },
  { id: "slurm", name: "Slurm", family: "distributed_training", aliases: ["slurm"] },

  // ML platform and MLOps
  { id: "mlops", name: "MLOps", family: "ml_platform", aliases: ["mlops", "ml ops", "llmops", "ml platform", "ml platforms", "machine learning platform", "ml infrastructure", "ml infra", "machine learning infrastructure", "ai infrastructure"] },
  { id: "kubeflow", name: "Kubeflow", family: "ml_platform", aliases: ["kubeflow"] },
  { id: "mlflow", name: "MLflow", family: "ml_platform", aliases: ["mlflow"] },
  { id: "feature-store", name: "Feature stores", family: "ml_platform", technique: true, aliases: ["feature store", "feature stores", "feast", "tecton", "feature platform"] },
  { id: "experiment-tracking", name: "Experiment tracking", family: "ml_platform", technique: true, aliases: ["experiment tracking", "weights & biases", "weights and biases", "wandb", "w&b", "comet ml", "neptune.ai"] },
  { id: "model-monitoring", name: "Model monitoring", family: "ml_platform", technique: true, aliases: ["model monitoring", "ml monitoring", "drift detection", "model drift", "data drift", "model registry", "model versioning"] },
  { id: "ml-pipelines", name: "ML pipelines", family: "ml_platform", technique: true, aliases: ["ml pipelines", "ml pipeline", "training pipelines", "training pipeline", "metaflow", "zenml", "flyte"] },

  // Data pipelines
  { id: "spark", name: "Spark", family: "data_pipelines", aliases: ["apache spark", "pyspark", "spark sql", "spark streaming", "sparksql"], caseSensitiveAliases: ["Spark"] },
  { id: "kafka", name: "Kafka", family: "data_pipelines", aliases: ["kafka", "kinesis", "pub/sub", "pubsub"] },
  { id: "airflow", name: "Airflow", family: "data_pipelines", aliases: ["airflow", "dagster", "prefect"] },
  { id: "flink", name: "Flink", family: "data_pipelines", aliases: ["flink"] },
  { id: "beam", name: "Apache Beam", family: "data_pipelines", aliases: ["apache beam", "dataflow"], caseSensitiveAliases: ["Beam"], context: "list" },
  { id: "dbt", name: "dbt", family: "data_pipelines", aliases: ["dbt"] },
  { id: "databricks", name: "Databricks", family: "data_pipelines", aliases: ["databricks", "delta lake"] },
  { id: "data-warehouses", name: "Data warehouses", family: "data_pipelines", technique: true, aliases: ["snowflake", "bigquery", "redshift", "clickhouse", "data warehouse", "data lake", "lakehouse"] },
  { id: "hadoop", name: "Hadoop", family: "data_pipelines", aliases: ["hadoop", "hive", "mapreduce"] },
  { id: "dask", name: "Dask", family: "data_pipelines", aliases: ["dask"] },
  { id: "vector-databases", name: "Vector databases", family: "data_pipelines", technique: true, aliases: ["vector database", "vector databases", "vector db", "vector store", "vector search", "pinecone", "weaviate", "milvus", "faiss", "qdrant", "pgvector", "chromadb"] },
  { id: "etl", name: "ETL", family: "data_pipelines", aliases: ["etl", "elt", "data pipelines", "data pipeline"] },

  // Cloud and operations
  { id: "kubernetes", name: "Kubernetes", family: "cloud", aliases: ["kubernetes", "k8s", "eks", "gke", "aks", "helm charts"] },
  { id: "docker", name: "Docker", family: "cloud", aliases: ["docker", "containers", "containerization", "containerized"] },
  { id: "aws", name: "AWS", family: "cloud", aliases: ["aws", "amazon web services", "ec2", "s3", "lambda functions"] },
  { id: "sagemaker", name: "SageMaker", family: "cloud", aliases: ["sagemaker", "bedrock"] },
  { id: "gcp", name: "GCP", family: "cloud", aliases: ["gcp", "google cloud", "google cloud platform"] },
  { id: "vertex-ai", name: "Vertex AI", family: "cloud", aliases: ["vertex ai", "vertexai"] },
  { id: "azure", name: "Azure", family: "cloud", aliases: ["azure", "azure ml", "azure machine learning"] },
  { id: "terraform", name: "Terraform", family: "cloud", aliases: ["terraform", "pulumi", "infrastructure as code", "iac"] },
  { id: "ci-cd", name: "CI/CD", family: "cloud", aliases: ["ci/cd", "cicd", "continuous integration", "github actions"] },

  // Applied domains and techniques
  { id: "llms", name: "LLMs", family: "applied_domains", aliases: ["llm", "llms", "large language model", "large language models", "generative ai", "genai", "gen ai", "foundation models", "foundation model", "transformer models", "gpt"] },
  { id: "rag", name: "RAG", family: "applied_domains", aliases: ["retrieval-augmented generation", "retrieval augmented generation", "retrieval-augmented"], caseSensitiveAliases: ["RAG"] },
  { id: "fine-tuning", name: "Fine-tuning", family: "applied_domains", technique: true, aliases: ["fine-tuning", "fine-tune", "fine-tuned", "lora", "qlora", "peft", "instruction tuning", "sft", "supervised fine-tuning", "post-training"] },
  { id: "rlhf", name: "RLHF", family: "applied_domains", aliases: ["rlhf", "rlaif", "reinforcement learning from human feedback", "direct preference optimization", "reward modeling", "reward models", "preference optimization"] },
  { id: "reinforcement-learning", name: "Reinforcement learning", family: "applied_domains", technique: true, aliases: ["reinforcement learning", "deep rl"] },
  { id: "recommender-systems", name: "Recommender systems", family: "applied_domains", technique: true, aliases: ["recommender systems", "recommender system", "recommendation systems", "recommendation system", "recommendation engine", "recommendation engines", "recommendation models", "recommenders", "recsys", "personalization", "collaborative filtering"] },
  { id: "search-ranking", name: "Search and ranking", family: "applied_domains", technique: true, aliases: ["ranking", "learning to rank", "search relevance", "information retrieval", "ads ranking", "ranking models", "retrieval systems"] },
  { id: "computer-vision", name: "Computer vision", family: "applied_domains", technique: true, aliases: ["computer vision", "image recognition", "object detection", "image segmentation", "semantic segmentation", "image classification", "opencv", "video understanding", "vision models"] },
  { id: "nlp", name: "NLP", family: "applied_domains", aliases: ["nlp", "natural language processing", "natural language understanding", "nlu", "text classification", "named entity recognition"] },
  { id: "speech", name: "Speech", family: "applied_domains", technique: true, aliases: ["speech recognition", "asr", "text-to-speech", "speech synthesis", "tts", "speech processing", "speech models", "automatic speech recognition", "audio models"] },
  { id: "multimodal", name: "Multimodal models", family: "applied_domains", technique: true, aliases: ["multimodal", "multi-modal", "vision-language", "vlm", "vlms"] },
  { id: "diffusion-models", name: "Diffusion models", family: "applied_domains", technique: true, aliases: ["diffusion models", "diffusion model", "stable diffusion", "image generation", "video generation"] },
  { id: "embeddings", name: "Embeddings", family: "applied_domains", technique: true, aliases: ["embeddings", "embedding models", "representation learning", "contrastive learning"] },
  { id: "agents", name: "AI agents", family: "applied_domains", technique: true, aliases: ["ai agents", "llm agents", "agentic", "tool use", "function calling"] },
  { id: "evaluation", name: "Model evaluation", family: "applied_domains", technique: true, aliases: ["model evaluation", "llm evaluation", "evals", "benchmarking models", "a/b testing"] },
  { id: "time-series", name: "Time series and forecasting", family: "applied_domains", technique: true, aliases: ["time series", "time-series", "forecasting"] },
  { id: "anomaly-detection", name: "Fraud and anomaly detection", family: "applied_domains", technique: true, aliases: ["anomaly detection", "fraud detection", "risk modeling"] },
  { id: "graph-ml", name: "Graph ML", family: "applied_domains", aliases: ["graph neural networks", "graph neural network", "gnn", "gnns", "knowledge graphs", "knowledge graph"] },
  { id: "deep-learning", name: "Deep learning", family: "applied_domains", technique: true, aliases: ["deep learning", "neural networks", "neural network", "transformers", "transformer architectures", "attention mechanisms"] },
];

/** The name as written inside a sentence: "model serving", but "PyTorch" and "AI agents" unchanged. */
export function skillPhrase(skill: Skill): string {
  return skill.technique && /^[A-Z][a-z]/.test(skill.name) ? skill.name[0]?.toLowerCase() + skill.name.slice(1) : skill.name;
}

/** Skill by slug, for display names and families. */
export const SKILLS_BY_ID: ReadonlyMap<string, Skill> = new Map(SKILLS.map((skill) => [skill.id, skill]));
