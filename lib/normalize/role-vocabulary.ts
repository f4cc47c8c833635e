/**
 * The words role titles are read with, after normalizeTitle (lower case, English, expanded
 * abbreviations). Kept apart from the decisions in family.ts so the vocabulary can be reviewed
 * and extended on its own.
 */

// Machine-learning subject matter, as titles name it (after normalizeTitle's translations and expansions).
export const ML_TOPIC =
  /\b(?:machine learning|applied science|deep learning|ai|artificial intelligence|llm|generative ai|nlp|natural language|computer vision|vision|perception|speech|audio ml|recommendations?|recommender|recsys|ranking|relevance|personali[sz]ation|reinforcement learning|rl|neural|mlops|llmops|multimodal|pretraining|pre training|post training|posttraining|alignment|interpretability|prompt engineer(?:ing)?|agentic|agents|autonomous agents?|ai agents?|pytorch|tensorflow|jax|tensorrt|vllm|onnx|cudnn|nccl|triton|deepspeed|megatron|kubeflow|mlflow|robot learning|embodied|foundation models?|language models?|reward models?|frontier models?|diffusion|model (?:training|serving|inference|evaluation|quality|optimi[sz]ation|deployment|behaviou?rs?|performance|efficiency)|evals?|gpus?|tpus?|cuda|accelerators?|inference|distributed training|large scale training|training (?:infrastructure|infra|platforms?|systems|clusters?|runtime|efficiency|performance)|feature stores?|feature platform)\b/;

export const INFERENCE_TOPIC =
  /\b(?:tensorrt|vllm|triton inference|onnx runtime|(?<!causal |statistical |bayesian |variational )inference|model (?:serving|deployment|optimi[sz]ation))\b/;

/** "Serving" alone ("Ads Serving") is ML serving only beside an ML topic. */
export const SERVING = /\bserving\b/;

export const RESEARCH_TOPIC =
  /\bresearch (?:software )?engineer|\bengineer,? (?:machine learning |ai )?research\b|\b(?:machine learning|ai|applied) research\b|\bresearch(?: engineering)?\b(?=.*\bengineer)|\b(?:pretraining|pre training|post training|posttraining|alignment|interpretability|science of scaling|reward models?|frontier|safety research|agi)\b/;

export const INFRA_TOPIC =
  /\b(?:infrastructure|infra|platforms?|mlops|llmops|devops|tooling|compute|clusters?|accelerat(?:or|ors|ion)|gpus?|tpus?|cuda|(?:gpu|tpu|cuda|machine learning|ai|triton) kernels?|kernel engineer|compilers?|networking|reliability|sre|efficiency|performance|hpc|supercomput\w*|(?:machine learning|ai|training|distributed|inference|learning) systems|distributed training|training (?:infrastructure|infra|platforms?|systems|clusters?)|(?:ai|machine learning|llm|foundation model|model) training|feature stores?|feature platform|data engineer(?:ing)?)\b/;

/** Infra words that are about ML on their own; other infra words need an ML topic beside them. */
export const ML_ONLY_INFRA = /\b(?:mlops|llmops|cudnn|nccl|deepspeed|megatron|kubeflow|mlflow|accelerat(?:or|ors|ion)|gpus?|tpus?|cuda|(?:gpu|tpu|cuda|triton) kernels?)\b/;

// Role nouns that make a title an engineering job.
export const ENGINEER_NOUN =
  /\b(?:engineers?|engineering|developers?|programmer|member of technical staff|hacker|architect|technologist|tech lead|technical lead|team lead|lead|swe|sde)\b/;

/** Engineering nouns strict enough to make "Research Scientist / Engineer" an engineering role. */
export const BUILDER_NOUN = /\b(?:engineers?|developers?|programmer|member of technical staff|hacker|swe|sde)\b/;

export const SCIENTIST_NOUN = /\b(?:scientists?|researchers?|research)\b/;

/** Titles for people in training programmes, which carry a topic but no engineering noun. */
export const TRAINEE_NOUN = /\b(?:interns?|internships?|students?|apprentice(?:ship)?|residen(?:t|cy)|fellow(?:ship)?|graduates?|trainee|co op)\b/;

/** Non-engineering roles, read from the role part of the title: who the person is, not the team. */
export const NON_ENGINEERING: ReadonlyArray<readonly [string, RegExp]> = [
  ["recruiting", /\b(?:recruit(?:er|ers|ing|ment)|talent (?:acquisition|partner|sourcer|scout)|sourcer|headhunter)\b/],
  ["sales", /\b(?:sales|account executives?|account managers?|account directors?|business development|bdr|sdr|go to market|gtm|customer success|pre[- ]?sales|partnerships?|partner (?:manager|lead|director)|reseller|inside sales)\b/],
  ["solutions and customer engineering", /\b(?:solutions? (?:architects?|architecture|engineers?|engineering|consultants?|specialists?|leads?|managers?)|sales engineers?|field engineer(?:ing)?|forward deployed|deployment (?:strategist|lead|manager|specialist)|technical deployment|ai deployment|customer engineer(?:ing)?|implementation (?:engineer|consultant|specialist|manager)|technical account manager|support engineer(?:ing)?|technical support|developer (?:advocate|relations|evangelist)|devrel|evangelist|advocate|consultants?|integration specialist)\b/],
  ["product management", /\b(?:product manag(?:er|ers|ement)|product owner|product lead|head of product|director of product|vice president,? (?:of )?product|product director|product operations|apm|group product|research product manager)\b|^pm\b/],
  ["program management", /\b(?:program(?:me)? manag(?:er|ement)|project manag(?:er|ement)|tpm|scrum master|delivery manager|chief of staff|pmo)\b/],
  ["design", /\b(?:designers?|design lead|design director|ux|user research(?:er)?|design engineer)\b/],
  ["writing and content", /\b(?:technical writer|writers?|editor|copywriter|content (?:strategist|creator|manager|designer|lead|reviewer|moderator)|documentation|curriculum|instructional)\b/],
  ["marketing and communications", /\b(?:marketing|communications?|brand|social media|public relations|events?|community|campaigns?|growth marketing|paid media|seo)\b/],
  ["legal", /\b(?:counsel|attorney|lawyer|legal|paralegal|compliance|privacy officer|regulatory|patent agent)\b/],
  ["finance and accounting", /\b(?:revenue|accountant|accounting|finance|financial|controller|tax|payroll|treasury|fp&a|auditor|billing specialist|procurement|purchasing)\b/],
  ["people and workplace", /\b(?:people (?:partner|operations|business partner|program)|human resources|hr|hrbp|benefits|workplace|facilities|office manager|executive assistant|assistant|coordinator|receptionist|immigration|mobility|learning and development|l&d)\b/],
  ["operations and strategy", /\b(?:operations (?:manager|lead|specialist|associate|analyst)|operations$|strategy|bizops|business operations|chief operating)\b/],
  ["policy, trust and safety", /\b(?:policy|trust (?:and|&) safety|content moderat\w*|investigator|threat intelligence|fraud analyst|enforcement)\b/],
  ["support", /\b(?:support (?:specialist|representative|agent|technician|associate)|customer support|customer service|help ?desk|it support|service desk)\b/],
  ["data annotation and training", /\b(?:annotators?|labelers?|labellers?|raters?|ai trainers?|trainers?|tutors?|data labeling)\b/],
  ["creative", /\b(?:artists?|animator|videographer|video (?:producer|editor|director)|producer|photographer|illustrator|motion)\b/],
  ["economics", /\b(?:economist|economic research)\b/],
];

/** Engineering specialties that are not ML engineering even on an ML team or at an AI company. */
export const NON_ML_ENGINEERING: ReadonlyArray<readonly [string, RegExp]> = [
  ["frontend engineering", /\b(?:frontend|front end|ui|web|javascript|react|typescript)\b/],
  ["full-stack engineering", /\b(?:fullstack|full stack)\b/],
  ["mobile engineering", /\b(?:ios|android|mobile|flutter)\b/],
  ["security engineering", /\b(?:security|appsec|offensive|detection (?:and|&) response|red team|grc)\b/],
  ["quality engineering", /\b(?:qa|quality assurance|test|testing|sdet)\b/],
  ["hardware engineering", /\b(?:hardware|mechanical|electrical|firmware|embedded|asic|fpga|rf|analog|pcb|datacenter|data center|facility|controls|nuclear|civil|chemical|optical)\b/],
  ["IT", /\b(?:it|sysadmin|systems administrator|helpdesk|network engineer|audiovisual)\b/],
  ["business systems", /\b(?:salesforce|sap|erp|business systems|netsuite|workday|servicenow)\b/],
  ["game engineering", /\b(?:gameplay|game engine|unity|unreal)\b/],
];

/** An ML topic directly before the role noun: "ML Engineer", "Computer Vision Engineer", "AI/ML Developer". */
export const CORE_ML_ROLE =
  /\b(?:machine learning|deep learning|ai|llm|generative ai|nlp|computer vision|mlops|perception|speech|recommendations?|recommender|reinforcement learning)\s*(?:\/\s*[a-z]+\s*)?(?:engineers?|developers?|engineering lead|lead)\b/;

/** "Research Engineer": an ML role for the team words after it, but not over "Security" before it. */
export const RESEARCH_ROLE = /\bresearch\s*(?:\/\s*[a-z]+\s*)?(?:software )?(?:engineers?|developers?|engineering lead|lead)\b/;

export const DATA_SCIENCE =
  /\b(?:data scien(?:ce|tists?)|decision scien(?:ce|tists?)|analytics|(?:data|product|marketing|bi|insights|reporting|growth|quant|quantitative|people|customer) analysts?|statisticians?|biostatisticians?|quant(?:itative)?(?: researchers?| analysts?| developers?)?|business intelligence|bi developer)\b/;

/** Data words that decide the family even beside "Marketing" or "Manager" ("Marketing Data Analyst", "Data Science Manager"). */
export const STRONG_DATA_SCIENCE = /\b(?:data scien(?:ce|tists?)|data analysts?|analytics|statisticians?|decision scien(?:ce|tists?)|business intelligence)\b/;

export const MANAGEMENT = /\b(?:manager|management|director|head of|vice president|chief|cto|tlm)\b|^head\b|\bhead,/;

// Manager titles whose manager word names the job, not a people manager ("Product Manager").
export const GENERIC_ROLE_HEAD = /^(?:(?:senior|principal|associate|group|general|regional|global)\s+)*(?:manager|director|head|lead|vice president|head of)$/;

/** Location or work-arrangement tails glued onto titles ("- Berlin", "(Remote)", "| US"). */
export const LOCATION_QUALIFIER =
  /^(?:remote|hybrid|on ?site|in ?office|anywhere|worldwide|global|us|usa|u\.s\.|united states|uk|eu|europe|emea|apac|latam|americas|north america|canada|germany|france|spain|portugal|india|japan|singapore|israel|australia|netherlands|switzerland|ireland|poland|brazil|mexico|[a-z .]+ remote|remote [a-z .]+|new york|nyc|san francisco|sf|bay area|seattle|austin|boston|chicago|los angeles|denver|toronto|vancouver|montreal|london|berlin|munich|hamburg|paris|amsterdam|dublin|zurich|madrid|barcelona|lisbon|warsaw|stockholm|copenhagen|tel aviv|bangalore|bengaluru|hyderabad|tokyo|seoul|sydney|sao paulo|full time|part time|contract|permanent|[a-z]{2})$/;

export const GENERIC_ENGINEER_HEAD =
  /^(?:(?:senior|staff|principal|lead|junior|mid|founding|experienced)\s+)*(?:software |backend |founding |product |generalist )?(?:engineer|developer|engineering|member of technical staff|swe|sde)(?:\s+(?:iv|v|i{1,3}|[1-5]|l\d|e\d))?$/;

// "Backend Engineer @ Acme AI", "Engineer at Mistral AI", "Claude.ai": a company or product name says nothing about the role.
export const COMPANY_TAIL = /\s(?:@|at)\s.*$/;
export const DOMAIN_NAME = /\b([a-z0-9]+)\.(?:ai|io|com|co|dev)\b/g;

/** A word that names what a person is, as opposed to a team, place or department. */
export const ROLE_WORD =
  /\b(?:engineers?|engineering|developers?|programmer|scientists?|researchers?|research|analysts?|manager|management|director|head|lead|leader|president|officer|architect|designer|writer|recruiter|executive|representative|specialist|consultant|interns?|internship|student|counsel|accountant|coordinator|assistant|advocate|evangelist|member of technical staff|owner|strategist|partner|trainer|tutor|statistician|technician|administrator|associate|fellow|apprentice)\b/;
