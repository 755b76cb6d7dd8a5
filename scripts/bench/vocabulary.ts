/**
 * The words of the generated tickets. Titles and sentences are built once from a Zipf-weighted
 * vocabulary with a seeded PRNG (so every run writes the same text), stored in two small tables, and
 * picked per ticket and message in SQL. Three words are kept out of the vocabulary on purpose:
 * COMMON_WORD is added to ~30% of tickets, MEDIUM_WORD to ~0.32% and RARE_WORD to ~10, so the search
 * scenarios know their hit counts. The medium one is the hardest case: at 1M tickets ~3,200 hits,
 * just above RELEVANCE_LIMIT (lib/tickets/list-search.ts), so they are not ranked but found by
 * walking the list's ordered index, which reads ~8,000 rows for a page of 25.
 */
export const COMMON_WORD = "printer";
export const MEDIUM_WORD = "gizmo";
export const MEDIUM_SHARE = 0.0032;
export const RARE_WORD = "kazoo";

const WORDS = `
account access activate address admin alert api app application archive attach attachment audit
authentication backup balance bandwidth banner billing blank blocked bounce browser bug build button
cache calendar cancel card certificate change charge chart checkout client clock cloud cluster code
company config configuration confirm connect connection console contact contract cookie copy cost
country crash credential credit cron csv customer dashboard data database date deadline debug delay
delete deploy deployment desktop device dialog disk display dns document domain download downtime
draft driver duplicate email empty encrypt endpoint error escalate event excel export fail failure
fax feature fee field file filter firewall firmware folder font form format forward freeze gateway
graph group guest hardware header help history host hosting hour icon image import inbox install
instance integration interface internet invoice ip issue item job key keyboard language laptop
latency layout license limit link linux list load locale lock log login logout mailbox maintenance
manager memory menu message migration mobile modem monitor month mouse network node notification
number office order outage outlook owner package page partition password patch payment pdf
performance permission phone plan plugin policy port portal price print process profile project
proxy purchase query queue quota reboot receipt record redirect refund region release reminder
remote renewal report request reset resolve restore role router rule schedule screen script search
security server service session settings setup share signature slow smtp software spam speed
spreadsheet ssl storage subscription support switch sync system table tablet tax template tenant
test ticket timeout token trial update upgrade upload url user username vat vendor version video
virus vpn warning webhook website wifi window windows wireless workflow workstation
always again broken cannot daily doesnt expired frequently hourly intermittent missing nothing
occasionally please quickly randomly still suddenly today unable unexpected urgent weekly wrong
yesterday
`
  .trim()
  .split(/\s+/);

/** mulberry32: a small seeded PRNG, good enough for text. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like sampler (exponent 0.9) over WORDS, shuffled so the frequent words are not alphabetical. */
function sampler(random: () => number) {
  const order = [...WORDS].sort(() => random() - 0.5);
  const weights = order.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const x = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

function phrases(count: number, min: number, max: number, seed: number): string[] {
  const random = prng(seed);
  const word = sampler(random);
  return Array.from({ length: count }, () => {
    const n = min + Math.floor(random() * (max - min + 1));
    const text = Array.from({ length: n }, word).join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
}

export const TITLE_COUNT = 2048;
export const SENTENCE_COUNT = 4096;

/** 2,048 titles of 3–7 words and 4,096 sentences of 8–16 words. */
export function buildTexts() {
  return { titles: phrases(TITLE_COUNT, 3, 7, 1), sentences: phrases(SENTENCE_COUNT, 8, 16, 2).map((s) => `${s}.`) };
}

if ([COMMON_WORD, MEDIUM_WORD, RARE_WORD].some((w) => WORDS.includes(w))) throw new Error("The search words must not be in the vocabulary.");
