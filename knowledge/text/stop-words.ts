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
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if then so than that this these those there here it its itself
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
  procedure procedures lot lots told tell tells ask asked
  husband wife mom mum mother dad father daughter son kid kids child children partner
  boyfriend girlfriend friend grandkids grandson granddaughter grandma grandpa sister brother
  monday tuesday wednesday thursday friday saturday sunday weekend
  today tonight tomorrow yesterday morning afternoon evening nights
  dear sir madam enquire inquire whether mention mentioned heard online rather actual`
    .split(/\s+/)
    .filter(Boolean),
);
