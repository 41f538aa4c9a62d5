import { stem } from './stem.ts';

/**
 * Ordinary English words that name no medical or clinic topic: everyday
 * verbs, adverbs, people, times and household things. Two uses:
 *
 * - the typo corrector leaves them alone ("tried" is not "tired", "boxes"
 *   are not "bones", "wifi" is not "wife"), with the topic words below;
 * - a question word the knowledge base never uses counts for less when it
 *   is one of these ("wash my **hair** the same **night**"), since it is
 *   the visitor's own wording, not a topic the knowledge base lacks.
 *
 * Deliberately left out: body parts, symptoms and conditions, medicines,
 * money and booking words, animals and chit-chat topics ("weather",
 * "joke"), and words urgent rules rely on ("worst", "high", "lost",
 * "stiff", "weak", "fall"). An unknown word from those groups still counts
 * fully, so "recovery from knee replacement" stays unanswered.
 */
const WORDS = `
  able add allow appear arrive bake become begin believe borrow bother bring build buy carry
  check choose clean climb close come cook cope decide deal enjoy explain feed fetch figure find
  finish fix follow forget give grab guess handle hang happen hate hear help hold hope hurry
  imagine keep knit learn leave lend let listen live look love make manage matter meet mind miss
  move notice open order own pack paint pick plan plant play prefer pull push put reach realise realize
  remember repeat rush save see seem sell settle share shop show sing sit sort speak spend stand
  start stay stop suppose take talk teach thank think throw travel try turn understand use visit
  wait wake walk wash watch wear win wonder worry write redo react
  ahead almost alone along always anyway around aside away badly besides big certainly clearly
  completely definitely different differently early easy else enough especially eventually ever
  every exactly extra fairly far finally fully generally glad half happy hard hopefully however
  instead kinda late later least less likely little main mainly more most near nearly never new next
  normally now often old once other otherwise perhaps plain pretty quick quickly quite ready real
  recently roughly same simple simply slightly slow slowly small somehow sometimes somewhat soon sorry
  sure totally typically usual usually whatever worth non beforehand afterward afterwards meanwhile
  together altogether alright possible whenever somewhere anywhere everywhere nothing everything
  outside inside upstairs downstairs front behind across
  family neighbour neighbor toddler grandmother grandfather grandparent aunt uncle cousin niece nephew
  boss manager coworker colleague roommate people someone somebody everyone everybody anyone anybody
  nobody guy guys lady
  night day week month year time moment while till until noon midnight holiday vacation trip weekday
  hair box bag cup stairs stair ladder bed chair couch sofa table house home kitchen garden yard
  store groceries shopping dishes laundry shoes wifi internet computer tv laptop
  english language word words idea reason way place situation case chance point sense example
  couple piece type issue mess problem part
`;

/**
 * Ordinary words that do name a topic (other body parts, other parts of
 * life): never typos ("hips" is not "his", "swallow" is not "shallow",
 * "homework" is not "housework"), but unknown to the knowledge base they
 * count fully, since they are what it cannot answer.
 */
const TOPIC_WORDS = `
  hip knee shoulder elbow wrist ankle foot feet toe finger thumb jaw tooth teeth eye ear nose lip tongue
  skin heart lung kidney liver muscle swallow sleepy pillow mattress referral carer stronger
  game town city tax wedding homework school church party bread pizza garage
`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** Every listed word: also typo targets, so "usualy" and "wair" become real words rather than unknown ones. */
export const COMMON_WORDS: ReadonlySet<string> = new Set([...words(WORDS), ...words(TOPIC_WORDS)]);

/** Stems, so "boxes", "tried" and "nights" count too. */
const EVERYDAY_STEMS: ReadonlySet<string> = new Set(words(WORDS).map(stem));
const COMMON_STEMS: ReadonlySet<string> = new Set([...COMMON_WORDS].map(stem));

/** True for a listed ordinary word in any simple form ("tried", "boxes", "hips"): the typo corrector keeps it. */
export function isCommonWord(word: string): boolean {
  return COMMON_STEMS.has(stem(word));
}

/** True for the stem of an everyday word ("night", "nights", "tried", "boxes"), as the matcher sees it. */
export function isEverydayStem(stemmed: string): boolean {
  return EVERYDAY_STEMS.has(stemmed);
}
