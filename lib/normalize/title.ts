import { HAS_CJK } from "@/lib/normalize/cjk";
import { clipLine } from "@/lib/normalize/text-limits";

/**
 * Job titles as the rules read them: gender markers and decoration removed for display, and a
 * lower-case, accent-free, English-vocabulary form for matching.
 */

export interface NormalizedTitle {
  /** The title as a person should see it quoted in a reason. */
  readonly display: string;
  /** Lower case, accents removed, common non-English job words translated, abbreviations expanded. */
  readonly text: string;
}

// "(m/w/d)", "(H/F)", "(f/m/x)", "(all genders)", "m/f/d": German and French boards require them.
const GENDER_MARKER =
  /\s*[([]?\s*\b(?:[mwfhdx]|div|divers)\b\s*(?:[/|,*]\s*\b(?:[mwfhdx]|div|divers)\b\s*){1,3}[)\]]?|\s*[([]\s*(?:all genders?|gn\*?|alle geschlechter|tous genres)\s*[)\]]/gi;

const DECORATION = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{1F1E6}-\u{1F1FF}]/gu;

const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&nbsp;": " ", "&#39;": "'", "&quot;": '"', "&ndash;": "–", "&mdash;": "—" };

/** Foreign job vocabulary → the English words the rules know. Applied to accent-free lower case. */
const TRANSLATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  // Spanish/Portuguese gendered endings: "ingeniero/a", "desarrollador(a)".
  [/\s*\/\s*as?(?=[\s,)]|$)|\((?:a|as|e|es|ne|in)\)|\*(?:in|innen)\b/g, ""],
  [/\bsoftware ?entwickler(?:in)?\b/g, "software developer"],
  [/\b(?:abschlussarbeit|masterarbeit|bachelorarbeit|masterand(?:in)?|tesista)\b/g, "intern"],
  [/\b(?:apprentissage automatique|aprendizaje automatico|aprendizado de maquina|aprendizagem automatica|maschinelles lernen|apprendimento automatico)\b/g, "machine learning"],
  [/\b(?:apprentissage profond|aprendizaje profundo|aprendizado profundo)\b/g, "deep learning"],
  [/\b(?:intelligence artificielle|inteligencia artificial|kunstliche intelligenz|intelligenza artificiale)\b/g, "ai"],
  [/\b(?:vision par ordinateur|vision por computador|visao computacional)\b/g, "computer vision"],
  [/\bki(?=\s)/g, "ai"],
  [/\b(?:ingenieure?s?|ingenieur(?:in)?|ingeniero|ingeniera|engenheir[oa]|ingegnere|inzynier)\b/g, "engineer"],
  [/\b(?:entwickler(?:in)?|developpeur|developpeuse|desarrollador(?:a)?|desenvolvedor(?:a)?|sviluppatore)\b/g, "developer"],
  [/\bforschungs ?(?:ingenieur(?:in)?|entwickler(?:in)?)\b/g, "research engineer"],
  [/\b(?:statisticien(?:ne)?|estadistic[oa]|estatistic[oa]|statistiker(?:in)?|charge(?:e)? d'etudes statistiques)\b/g, "statistician"],
  [/\b(?:starszy|starsza)\b/g, "senior"],
  [/\bm[lł]odsz[ya]\b/g, "junior"],
  [/\b(?:chercheur|chercheuse|investigador(?:a)?|pesquisador(?:a)?|forscher(?:in)?|ricercatore)\b/g, "researcher"],
  [/\b(?:cientifico de datos|cientifica de datos|cientista de dados|data scientist(?:in)?|datenwissenschaftler(?:in)?)\b/g, "data scientist"],
  [/\b(?:scientifique des donnees)\b/g, "data scientist"],
  [/\b(?:analyste de donnees|analista de datos|analista de dados|datenanalyst(?:in)?)\b/g, "data analyst"],
  [/\b(?:praktikant(?:in)?|praktikum|werkstudent(?:in)?|stagiaire|becari[oa]|practicas|estagio|estagiari[oa]|tirocinio|tirocinante|stagista|alternance|alternant(?:e)?|pasantia|pasante)\b/g, "intern"],
  [/\b(?:stage)\b(?=\s*(?:[-–:|]|$|en|de|d'|ingenieur|engineer|data|machine|ml|ia|ai))/g, "intern"],
  [/\b(?:confirme(?:e)?|experimente(?:e)?|erfahrene[rn]?)\b/g, "senior"],
  [/\b(?:semi[- ]?senior|ssr|pleno|medior|intermediate)\b/g, "mid"],
  [/\b(?:lider tecnico|lider tecnica|chef d'equipe|chef d equipe|responsable technique|technischer? leiter(?:in)?)\b/g, "tech lead"],
  [/\b(?:lider|leitende[rn]?)\b/g, "lead"],
  [/\b(?:directeur|directrice|direktor(?:in)?|diretor(?:a)?|direttore)\b/g, "director"],
  [/\b(?:chef de projets?|jefe de proyecto|gerente de proje(?:c)?to|projektleiter(?:in)?)\b/g, "project manager"],
  [/\b(?:chef de produit|gerente de producto|gerente de produto|produktmanager(?:in)?)\b/g, "product manager"],
  [/\b(?:leiter(?:in)?|leitung|jefe|jefa|chef)\s+(?:de\s+|der\s+|des\s+)?/g, "head of "],
  [/\b(?:teamleiter(?:in)?|teamlead)\b/g, "team lead"],
  [/\b(?:gerente|responsable)\b/g, "manager"],
  [/\b(?:recruteur|recruteuse|reclutador(?:a)?|recrutador(?:a)?|personalreferent(?:in)?)\b/g, "recruiter"],
  [/\b(?:vendeur|ventas|vertrieb)\b/g, "sales"],
  // French/Spanish/Portuguese put the noun first: "ingenieur en/de machine learning".
  [/\bengineer (?:en|de|d'|em|do|da|di|fur|im)\s+/g, "engineer "],
  [/\bdeveloper (?:en|de|d'|em|do|da|di|fur|im)\s+/g, "developer "],
  [/\bia\b/g, "ai"],
];

/**
 * Japanese, Chinese and Korean job vocabulary → English words, applied before accents are stripped
 * (NFD would split the katakana voicing marks off) and without word boundaries (CJK has none).
 * Longer words come first: "エンジニアリング" before "エンジニア".
 */
const CJK_TRANSLATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/エンジニアリングマネー?ジャー|엔지니어링 ?매니저|工程经理/g, "engineering manager"],
  [/エンジニアリング/g, "engineering"],
  [/テックリード|테크 ?리드|技术负责人/g, "tech lead"],
  [/機械学習|机器学习|機器學習|머신 ?러닝|기계 ?학습/g, "machine learning"],
  [/深層学習|深度学习|ディープラーニング|딥 ?러닝/g, "deep learning"],
  [/人工知能|人工智能|인공 ?지능/g, "ai"],
  [/大規模言語モデル|大语言模型|大模型/g, "llm"],
  [/自然言語処理|自然语言处理|자연어 ?처리/g, "nlp"],
  [/コンピュータ[ー]?ビジョン|画像認識|计算机视觉|컴퓨터 ?비전/g, "computer vision"],
  [/推論|推理|추론/g, "inference"],
  [/プラットフォーム|平台|플랫폼/g, "platform"],
  [/データサイエンティスト|数据科学家|데이터 ?사이언티스트/g, "data scientist"],
  [/データアナリスト|数据分析师|데이터 ?분석가/g, "data analyst"],
  [/データ|数据|데이터/g, "data"],
  [/ソフトウェア|软件|소프트웨어/g, "software"],
  [/リサーチ|研究/g, "research"],
  [/サイエンティスト|科学家/g, "scientist"],
  [/エンジニア|工程师|엔지니어/g, "engineer"],
  [/マネー?ジャー|经理|매니저/g, "manager"],
  [/シニア|上級|高级|資深|资深|시니어/g, "senior"],
  [/ジュニア|初级|주니어/g, "junior"],
  [/プリンシパル|프린시펄/g, "principal"],
  [/スタッフ/g, "staff"],
  [/リード|리드/g, "lead"],
  [/新卒|应届|신입/g, "new grad"],
  [/インターン|实习生?|인턴/g, "intern"],
];

/** Abbreviations people write in titles → the words the rules know. */
const EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmles?\b/g, "machine learning engineer"],
  [/\bswes?\b/g, "software engineer"],
  [/\bsdes?\b/g, "software development engineer sde"],
  [/\bmts\b/g, "member of technical staff"],
  [/\bml\s*\/\s*ai\b|\bai\s*\/\s*ml\b|\bai\s*&\s*ml\b|\bml\s*&\s*ai\b/g, "machine learning ai"],
  [/\bml\b/g, "machine learning"],
  [/\bdl\b/g, "deep learning"],
  [/\bcv\b/g, "computer vision"],
  [/\bgen\s?ai\b/g, "generative ai"],
  [/\bllms?\b/g, "llm"],
  [/\bml\s?ops\b|\bmachine learning\s?op(?:s|erations)\b/g, "mlops"],
  [/\bsnr\.?\b|\bsr\.?(?=\s|$|,)/g, "senior"],
  [/\bjr\.?(?=\s|$|,)/g, "junior"],
  [/\bengr\.?\b|\beng\.?(?=\s|$|,)/g, "engineer"],
  [/\bmgr\.?\b/g, "manager"],
  [/\bvp\b/g, "vice president"],
  [/\bfront[\s-]end\b/g, "frontend"],
  [/\bback[\s-]end\b/g, "backend"],
  [/\bfull[\s-]stack\b/g, "fullstack"],
];

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|nbsp|#39|quot|ndash|mdash);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
}

// Family, level and reasons each read the same title in turn; remembering the last one saves the work.
let lastTitle: string | null = null;
let lastNormalized: NormalizedTitle = { display: "", text: "" };

/** A title for display (markers removed) and for matching (lower case, English job words). */
export function normalizeTitle(title: string): NormalizedTitle {
  if (title !== lastTitle) {
    lastNormalized = computeNormalizedTitle(title);
    lastTitle = title;
  }
  return lastNormalized;
}

function computeNormalizedTitle(title: string): NormalizedTitle {
  const display = decodeEntities(clipLine(title))
    .replace(DECORATION, " ")
    // Whitespace runs collapsed before the marker pattern, whose leading \s*…\s* backtracks on long runs.
    .replace(/\s+/g, " ")
    .replace(GENDER_MARKER, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([,)])/g, "$1")
    .replace(/[\s,–—|-]+$/, "")
    .trim();

  let cjk = display.normalize("NFKC");
  if (HAS_CJK.test(cjk)) for (const [pattern, replacement] of CJK_TRANSLATIONS) cjk = cjk.replace(pattern, ` ${replacement} `);
  let text = ` ${cjk} `
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[–—|·•]/g, " - ")
    // "Machine-Learning-Ingenieur", "pre-training", "co-op": the rules read hyphenated words as separate words.
    .replace(/(?<=[a-z0-9])-(?=[a-z0-9])/g, " ")
    .replace(/\s+/g, " ");
  for (const [pattern, replacement] of TRANSLATIONS) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of EXPANSIONS) text = text.replace(pattern, replacement);
  return { display, text: text.replace(/\s+/g, " ").trim() };
}
