import type { Lexicon } from '../types.ts';

/**
 * Every English word list the engine reads, in one place, so a reviewer sees
 * which words carry no topic, which are ordinary, which carry intent, and
 * `lexicon.test.ts` can check the lists that must never overlap.
 */

/**
 * Words that carry no topic: function words and chat filler. They still
 * count for exact-phrasing matches, never for topic scoring or confidence.
 * Question words (who, when, why, how, many, much) and negations stay out on
 * purpose: "how many" vs "how much" and "when" vs "why" carry intent, and idf
 * already weighs them down where they are common. "Procedure" is how
 * visitors say "it" here, so it names no topic. Who and when ("my husband",
 * "on friday", "tonight", "told me") is personal context around a question,
 * not its topic: an entry answers it the same way for anyone on any day.
 */
const STOP_WORDS = `a an the and or but if then so than that this these those there here it its itself
  i me my mine myself we us our you your yours he him his she her they them their
  am is are was were be been being do does did doing done have has had having
  can could will would shall should may might must ought
  what which whom whose whats
  of to in on at by for with from into onto about as up down out off over under again
  just also too very really only even still yet already
  get gets got getting go goes going went want wants wanted like likes need needs needed
  know tell say said mean means thing things something anything some any
  exactly actually basically literally honestly kind sort stuff supposed ago whole entire total bit bad
  maybe probably guess wondering wonder curious question questions since wish
  all cannot great good fine nice
  okay ok hi hey hello please pls plz thanks thank um uh oh well yeah yes
  procedure procedures lot lots told tells ask asked
  husband wife mom mum mother dad father daughter son kid kids child children partner
  boyfriend girlfriend friend grandkids grandson granddaughter grandma grandpa sister brother
  monday tuesday wednesday thursday friday saturday sunday weekend
  today tonight tomorrow yesterday morning afternoon evening nights
  dear sir madam enquire inquire whether mention mentioned heard online rather actual`;

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
const EVERYDAY_WORDS = `
  able add allow appear arrive bake become begin believe borrow bother bring build buy carry
  check choose clean climb close come cook cope decide deal enjoy explain feed fetch figure find
  finish fix follow forget give grab  handle hang happen hate hear help hold hope hurry
  imagine keep knit learn leave lend let listen live look love make manage matter meet mind miss
  move notice open order own pack paint pick plan plant play prefer pull push put reach realise realize
  remember repeat rush save see seem sell settle share shop show sing sit  speak spend stand
  start stay stop suppose take talk teach  think throw travel try turn understand use visit
  wait wake walk wash watch wear win  worry write redo react
  ahead almost alone along always anyway around aside away badly besides big certainly clearly
  completely definitely different differently early easy else enough especially eventually ever
  every  extra fairly far finally fully generally glad half happy hard hopefully however
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

// Counts from two up: "one" stays a word, since "no one", "which one" and
// "one side" are not counts.
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinalSuffix = (n: number) => (n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th');

const list = (text: string) => text.split(/\s+/).filter(Boolean);

export const ENGLISH_LEXICON: Lexicon = {
  stopWords: list(STOP_WORDS),
  everydayWords: list(EVERYDAY_WORDS),
  topicWords: list(TOPIC_WORDS),
  // Order matters: the irregular forms before the generic n't.
  contractions: [
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'m\b/g, ' am'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/'s\b/g, ''],
],
  /**
   * Words typed in a short or run-together form, written out so entries and
   * questions meet: contractions without the apostrophe ("cant", "im"), chat
   * and unit abbreviations ("hrs", "dr", "alot"), and small numbers in words,
   * which become digits ("two" and "2", "second" and "2nd").
   */
  spelledOut: {
    cant: ['cannot'],
    cannt: ['cannot'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    wont: ['will', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    hadnt: ['had', 'not'],
    couldnt: ['could', 'not'],
    shouldnt: ['should', 'not'],
    wouldnt: ['would', 'not'],
    im: ['i', 'am'],
    ive: ['i', 'have'],
    ill: ['i', 'will'],
    id: ['i', 'would'],
    youre: ['you', 'are'],
    whats: ['what', 'is'],
    thats: ['that', 'is'],
    hows: ['how', 'is'],
    wheres: ['where', 'is'],
    u: ['you'],
    wat: ['what'],
    wht: ['what'],
    shud: ['should'],
    shld: ['should'],
    wud: ['would'],
    cud: ['could'],
    ur: ['your'],
    alot: ['a', 'lot'],
    abt: ['about'],
    b4: ['before'],
    bc: ['because'],
    cuz: ['because'],
    coz: ['because'],
    thru: ['through'],
    w: ['with'],
    wo: ['without'],
    dr: ['doctor'],
    drs: ['doctors'],
    doc: ['doctor'],
    appt: ['appointment'],
    appts: ['appointments'],
    hr: ['hour'],
    hrs: ['hours'],
    min: ['minute'],
    mins: ['minutes'],
    sec: ['second'],
    secs: ['seconds'],
    wk: ['week'],
    wks: ['weeks'],
    yr: ['year'],
    yrs: ['years'],
    tmrw: ['tomorrow'],
    tmr: ['tomorrow'],
    pct: ['percent'],
        ...Object.fromEntries(NUMBER_WORDS.map((word, n) => [word, [String(n + 2)]])),
    ...Object.fromEntries(ORDINAL_WORDS.map((word, n) => [word, [`${n + 1}${ordinalSuffix(n + 1)}`]])),
  },
  clauseBreakWords: ['but'],
  /** Question words carry intent ("how many" vs "how much"), never a topic: alone they put no entry on topic. */
  intentWords: ['how', 'when', 'why', 'where', 'many', 'much'],
  whWords: ['what', 'why', 'how', 'when', 'where', 'who', 'which'],
  joiners: ['and', 'or', 'also', 'plus', 'then'],
  questionStarts: ['what', 'why', 'how', 'when', 'where', 'who', 'which', 'can', 'could', 'do', 'does', 'did', 'is', 'are',
    'will', 'would', 'should', 'shall', 'may', 'am'],
  negations: ['no', 'not', 'never', 'without', 'nor'],
  betweenDenial: ['a', 'an', 'any', 'have', 'has', 'had', 'got', 'having', 'been', 'signs', 'sign', 'of', 'really'],
  smallTalk: {
    greeting: ['hi', 'hello', 'hey', 'hiya', 'howdy', 'good morning', 'good afternoon', 'good evening', 'greetings', 'yo', 'hi there',
      'hello there', 'anyone there', 'is anyone there', 'are you there'],
    thanks: ['thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'appreciate it', 'much appreciated', 'that helps', 'that helped',
      'that is helpful', 'great thanks', 'perfect', 'got it', 'awesome', 'brilliant', 'wonderful', 'lovely'],
    goodbye: ['bye', 'goodbye', 'good bye', 'bye bye', 'see you', 'see ya', 'that is all', 'thats all', 'nothing else', 'no more questions',
      'have a good day', 'have a nice day', 'good night', 'take care', 'later'],
    complaint: ['useless', 'you are useless', 'this is useless', 'stupid', 'you are stupid', 'dumb', 'not helpful', 'unhelpful',
      'no help', 'waste of time', 'rubbish', 'garbage', 'terrible bot', 'you suck', 'this sucks', 'worthless', 'pointless'],
  },
  smallTalkFiller: ['ok', 'okay', 'oh', 'so', 'very', 'much', 'a', 'lot', 'for', 'the', 'your', 'help', 'you', 'all', 'and', 'then',
    'well', 'great', 'again', 'really', 'just', 'that', 'is', 'it', 'no', 'yes', 'yeah', 'alright', 'cool', 'thanks', 'there', 'now',
    'ok', 'k', 'kk', 'hmm', 'um', 'sir', 'maam', 'dear', 'friend', 'folks', 'everyone', 'guys', 'lol', 'haha'],
  selfDescription: {
    markers: [['i', 'am', 'a'], ['i', 'am', 'an'], ['as', 'a'], ['as', 'an'], ['work', 'in', 'a'], ['work', 'in', 'an'],
      ['work', 'at', 'a'], ['work', 'at', 'an'], ['work', 'for', 'a'], ['work', 'for', 'an']],
    ageTails: [['years', 'of', 'age'], ['years', 'old'], ['year', 'old'], ['yo']],
    ageWords: ['aged'],
  },
};
