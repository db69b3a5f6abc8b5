"""Hand-written word lists for graded.py: a small thesaurus, irregular verbs, function-word
swaps, connectives, hedges and fillers. Written for this generator (no outside word list).

Thesaurus lines are "pos lemma: syn, syn, ..." with pos v (verb), n (noun), a (adjective),
r (adverb). Synonyms were chosen to be substitutable in most contexts; a few are looser
("near" synonyms), as a student's would be. Verbs and nouns are inflected by rule
(graded.inflect), multi-word synonyms on their first word ("carry out" -> "carried out").
"""

THESAURUS = """
v say: state, remark, note, comment
v tell: inform
v ask: request
v announce: declare, reveal, make public
v show: demonstrate, reveal, indicate
v use: employ, utilise, make use of
v help: assist, aid, support
v build: construct, put up, develop
v create: build, produce, set up, make
v start: begin, launch, kick off
v begin: start, commence
v end: finish, conclude
v finish: complete, end
v stop: halt, end, cease
v try: attempt, seek
v need: require
v want: wish, would like
v give: provide, hand, offer
v provide: supply, give, offer
v supply: provide, deliver
v offer: provide, give
v hold: keep, conduct
v find: discover, identify, locate
v discover: find, uncover
v identify: pinpoint, recognise, spot
v see: notice, observe
v seem: appear, look
v think: believe, reckon, consider
v believe: think, be convinced
v understand: grasp, comprehend
v consider: regard, view, think about
v allow: let, permit, enable
v let: allow, permit
v enable: allow, let
v include: contain, cover, feature
v contain: include, hold
v increase: raise, boost, grow
v grow: expand, increase, rise
v rise: increase, climb, go up
v fall: drop, decline, go down
v drop: fall, decline
v reduce: cut, lower, decrease
v cut: reduce, lower, slash
v raise: increase, lift
v improve: enhance, boost, better
v strengthen: reinforce, bolster, deepen
v deepen: strengthen, expand
v expand: extend, widen, broaden, grow
v extend: expand, widen
v develop: build, grow, expand
v change: alter, modify, shift
v alter: change, modify
v replace: substitute, swap
v remove: take away, delete, get rid of
v delete: remove, erase
v add: include, append, put in
v send: dispatch, transmit
v receive: get, obtain
v buy: purchase, acquire
v sell: market, trade
v pay: spend
v choose: select, pick, opt for
v select: choose, pick
v decide: resolve, choose, determine
v agree: concur, accept
v accept: agree to, take on, embrace
v reject: refuse, dismiss, turn down
v refuse: decline, reject
v deny: reject, dispute, refute
v claim: assert, allege, maintain
v accuse: charge, blame
v criticise: condemn, attack, fault
v criticize: condemn, attack, fault
v praise: commend, applaud, hail
v hail: praise, welcome, applaud
v welcome: greet, receive
v warn: caution, alert
v urge: call on, press, encourage
v encourage: urge, motivate, support
v support: back, endorse, help
v oppose: resist, object to, be against
v discuss: talk about, debate, consider
v explain: describe, clarify, set out
v describe: portray, characterise, explain
v report: say, state, note
v suggest: indicate, propose, imply
v propose: suggest, put forward
v mention: note, refer to, cite
v note: observe, remark, point out
v argue: contend, claim, maintain
v insist: maintain, stress
v stress: emphasise, underline, highlight
v emphasise: stress, underline, highlight
v emphasize: stress, underline, highlight
v highlight: stress, emphasise, point out
v reveal: disclose, show, expose
v expose: reveal, uncover, lay bare
v confirm: verify, acknowledge
v happen: occur, take place
v occur: happen, take place
v meet: hold talks with, sit down with
v visit: travel to, go to, tour
v travel: journey, go
v arrive: come, turn up, land
v leave: depart, quit, exit
v return: come back, go back
v move: shift, transfer, relocate
v carry: transport, bear
v bring: take, carry
v run: operate, manage
v operate: run, work
v manage: run, handle, oversee
v lead: head, direct, guide
v control: run, command, govern
v govern: rule, run
v rule: govern, control
v fight: battle, combat, struggle against
v attack: strike, assault, target
v target: aim at, focus on
v kill: slay, murder
v destroy: wreck, ruin, demolish
v damage: harm, hurt
v protect: defend, shield, guard
v defend: protect, guard
v prevent: stop, avoid, block
v avoid: escape, dodge, steer clear of
v block: prevent, stop, bar
v ban: prohibit, forbid, outlaw
v force: compel, push, oblige
v require: need, demand, call for
v demand: call for, insist on
v expect: anticipate, predict
v predict: forecast, expect
v hope: wish, trust
v plan: intend, aim
v aim: seek, intend, plan
v seek: try, look for, pursue
v pursue: seek, chase, follow
v follow: come after, track, go along with
v continue: carry on, keep on, go on
v remain: stay, continue
v stay: remain, continue
v become: turn into, grow
v involve: include, entail
v affect: influence, hit, touch
v influence: affect, shape, sway
v cause: produce, lead to, bring about
v result: end, lead
v depend: rely, hinge
v rely: depend, count
v share: exchange, have in common
v join: enter, sign up to
v sign: conclude, seal
v invite: ask, call
v host: hold, stage, organise
v organise: arrange, run, set up
v organize: arrange, run, set up
v arrange: organise, set up
v finalise: complete, conclude, wrap up
v complete: finish, conclude
v achieve: reach, accomplish, attain
v reach: achieve, get to, attain
v win: gain, secure, earn
v lose: fail to keep, shed
v gain: win, obtain, earn
v earn: make, gain
v fail: not manage, be unable
v succeed: manage, do well
v check: verify, inspect, examine
v test: try, check, trial
v examine: study, inspect, look at
v study: examine, investigate, look at
v investigate: examine, look into, probe
v measure: gauge, assess
v assess: evaluate, judge, gauge
v evaluate: assess, judge
v compare: contrast, weigh
v focus: concentrate, centre
v define: set out, describe
v represent: stand for, embody
v produce: make, create, generate
v generate: produce, create
v fix: repair, correct, resolve
v solve: resolve, fix, settle
v resolve: settle, solve, fix
v handle: deal with, manage, process
v process: handle, deal with
v deal: cope, handle
v store: keep, hold, save
v save: keep, store, preserve
v load: fetch, read in
v display: show, present
v present: show, offer
v release: publish, issue, put out
v publish: release, issue, put out
v launch: introduce, release, start
v introduce: bring in, launch, present
v design: plan, devise
v write: compose, author, put down
v read: look through, go through
v call: name, describe as
v name: call, designate
v appear: seem, look
v remember: recall, recollect
v forget: overlook, lose track of
v realise: recognise, notice, understand
v realize: recognise, notice, understand
v notice: spot, see, observe
v watch: observe, view, follow
v learn: find out, discover
v teach: instruct, educate
v speak: talk
v talk: speak, chat
v enjoy: like, appreciate
v love: adore, enjoy
v hate: dislike, detest
v worry: concern, trouble
v fear: dread, worry about
v suffer: endure, experience
v die: pass away, perish
v survive: outlive, come through
v recover: get better, bounce back
v reflect: mirror, show
v boost: lift, raise, increase
v counter: resist, oppose, offset
v cement: consolidate, strengthen, seal
v criticise: condemn, attack, fault
v exchange: swap, trade
v transfer: hand over, move, pass
v accelerate: speed up, quicken
v emerge: appear, arise, surface
v form: shape, create
v regard: view, see, consider
v cite: quote, mention
v quote: cite, repeat
v struggle: strive, battle
v limit: restrict, cap
v restrict: limit, curb
v steal: take, rob
v fire: shoot
v shoot: fire at, gun down
v flee: escape, run away
v escape: flee, get away
v rescue: save, free
v capture: seize, catch
v arrest: detain, seize
v charge: accuse, indict
v approve: endorse, pass, back
v pass: approve, adopt
v vote: cast ballots
v elect: choose, vote in
v appoint: name, choose, install
v serve: work, act
v employ: hire, use
v hire: recruit, employ
v spend: use, pay
v cost: be priced at
v reach: get to, arrive at
v exceed: surpass, go beyond, top
v respond: reply, react, answer
v reply: answer, respond
v answer: reply to, respond to
v contact: reach, get in touch with
v connect: link, join
v link: connect, tie
v combine: merge, join, unite
v separate: divide, split
v divide: split, separate
v split: divide, break up
v install: set up, put in
v update: refresh, revise
v upgrade: improve, update
v download: fetch, get
v upload: post, put up
v post: publish, put up
v fetch: retrieve, get
v request: ask for, seek
v monitor: track, watch, observe
v track: follow, monitor
v alert: warn, notify
v notify: inform, alert
v crash: fail, break down
v break: damage, smash
v exploit: abuse, take advantage of
v affect: hit, impact
v recommend: advise, suggest
v advise: recommend, counsel
v believe: think, hold
v prefer: favour, choose
v ensure: make sure, guarantee
v guarantee: ensure, assure
v promise: pledge, vow
v pledge: promise, vow
v vow: promise, pledge
v threaten: menace, endanger
v push: press, urge
v pull: draw, drag
v prove: show, demonstrate, establish
v demonstrate: show, prove
v establish: set up, found, create
v found: establish, set up
v celebrate: mark, commemorate
v mark: celebrate, signal
v feature: include, contain, showcase
v lack: be without, miss
v miss: lack, overlook
v pick: choose, select
v approach: near, come close to
v enter: go into, come into
v exit: leave
v open: launch, unlock
v close: shut
v hit: strike, affect
v raise: lift, increase
n president: leader, head of state
n leader: head, chief
n country: nation, state
n nation: country, state
n state: country, nation
n government: administration, authorities
n relationship: relations, ties, bond
n ties: relations, links, connections
n relations: ties, links
n talks: discussions, negotiations
n meeting: talks, encounter, session
n summit: meeting, gathering, conference
n conference: meeting, gathering, forum
n agreement: deal, accord, pact
n deal: agreement, pact
n pact: agreement, deal, treaty
n treaty: pact, accord, agreement
n war: conflict, fighting
n conflict: war, fighting, dispute
n crisis: emergency, turmoil
n cooperation: collaboration, partnership
n partnership: alliance, cooperation
n ally: partner, friend
n support: backing, help, assistance
n help: assistance, aid, support
n aid: help, assistance
n trade: commerce, business
n economy: economic system
n growth: expansion, increase, rise
n increase: rise, growth, jump
n decline: fall, drop, decrease
n weapon: arm
n missile: rocket
n drone: unmanned aircraft
n attack: assault, strike
n attacker: assailant
n gunman: attacker, assailant
n victim: casualty
n official: officer, representative
n spokesman: representative, spokesperson
n agency: service, organisation
n report: account, article
n statement: announcement, declaration
n comment: remark, observation
n view: opinion, position, outlook
n position: stance, view
n stance: position, attitude
n issue: question, matter, problem
n problem: issue, difficulty, trouble
n difficulty: problem, trouble
n topic: subject, theme
n question: issue, matter
n reason: cause, explanation
n cause: reason, source
n result: outcome, consequence
n effect: impact, consequence
n impact: effect, influence
n consequence: result, effect, outcome
n situation: state of affairs, circumstances
n event: incident, occurrence
n area: field, region
n region: area, zone
n section: part, portion
n piece: part, bit
n method: way, technique, approach
n approach: method, strategy
n plan: scheme, proposal, strategy
n strategy: plan, approach
n goal: aim, objective, target
n aim: goal, objective
n purpose: aim, goal
n idea: notion, concept, thought
n concept: idea, notion
n thought: idea, notion
n example: instance, case
n case: instance, example
n kind: type, sort
n type: kind, sort, variety
n sort: kind, type
n number: amount, quantity
n amount: quantity, sum, volume
n level: degree, extent
n rate: pace, level
n price: cost, charge
n cost: price, expense
n money: cash, funds
n company: firm, business, corporation
n firm: company, business
n business: company, firm
n market: marketplace, trade
n customer: client, buyer
n user: customer, consumer
n worker: employee, staff member
n employee: worker, staff member
n job: post, role, position
n team: group, crew
n group: set, team, body
n member: participant
n people: individuals, persons, citizens
n person: individual
n man: individual, person
n woman: lady, individual
n child: kid, youngster
n family: relatives, household
n friend: companion, pal
n city: town, municipality
n capital: capital city
n home: house, residence
n building: structure, property
n site: location, place
n location: place, site
n museum: gallery
n visitor: tourist, guest
n tourist: visitor, traveller
n road: street, route
n car: vehicle, automobile
n vehicle: car, automobile
n ship: vessel, boat
n police: officers, authorities
n army: military, armed forces
n soldier: serviceman, troop
n troop: soldier, force
n force: power, strength
n power: strength, authority, control
n control: power, command, authority
n authority: power, control
n rule: regulation, law
n law: legislation, statute, rule
n freedom: liberty
n rebel: insurgent, militant
n fighter: combatant, militant
n security: safety, protection
n safety: security, protection
n danger: risk, threat, hazard
n risk: danger, threat, hazard
n threat: danger, risk, menace
n fear: concern, worry, anxiety
n concern: worry, unease
n worry: concern, anxiety
n hope: wish, expectation
n history: past, record
n period: time, era, phase
n moment: instant, time
n future: years ahead, times to come
n world: globe, planet
n health: wellbeing
n hospital: medical centre, clinic
n doctor: physician, medic
n death: passing, loss of life
n game: title, match
n player: gamer, participant
n fan: supporter, enthusiast
n console: games machine, gaming system
n device: gadget, machine, unit
n machine: device, appliance
n computer: machine, PC
n system: setup, framework, arrangement
n feature: function, capability, element
n function: feature, role, purpose
n tool: instrument, utility
n program: application, software
n application: app, program
n software: program, code
n code: source, program
n file: document, record
n data: information, figures
n information: data, details
n population: populace
n detail: particular, specific
n bug: flaw, error, defect
n flaw: bug, defect, weakness
n error: mistake, fault, bug
n mistake: error, slip, blunder
n fault: defect, flaw
n failure: breakdown, collapse
n server: host machine
n network: web, system
n website: site, web page
n page: web page, screen
n service: facility, provision
n alert: warning, alarm, notification
n warning: alert, caution
n response: reply, answer, reaction
n reply: response, answer
n answer: response, reply
n request: demand, call, appeal
n change: shift, alteration, modification
n update: revision, upgrade
n version: edition, release, variant
n release: launch, issue
n launch: release, introduction
n design: layout, style
n quality: standard, calibre
n performance: speed, efficiency
n speed: pace, rate
n size: scale, extent
n value: worth, benefit
n benefit: advantage, gain
n advantage: benefit, edge
n success: triumph, achievement
n ability: capacity, capability, skill
n capacity: capability, ability
n skill: ability, talent
n experience: practice, knowledge
n knowledge: understanding, awareness
n understanding: grasp, knowledge
n evidence: proof, sign
n sign: indication, signal
n fact: truth, reality
n truth: fact, reality
n story: account, tale, report
n book: volume, work
n article: piece, report, story
n picture: image, photo
n photo: photograph, picture, image
n image: picture, photo
n deck: pack
n meaning: sense, significance
n sense: meaning, feeling
n word: term, expression
n term: word, expression
n language: tongue
n culture: customs, way of life
n economy: economic system
n tax: levy, duty
n debt: borrowing, liabilities
n spending: expenditure, outlay
n income: earnings, revenue
n budget: spending plan
n deficit: shortfall, gap
n policy: strategy, course of action
n election: vote, ballot
n party: faction, group
n minister: secretary, official
n parliament: legislature, assembly
n island: isle
n mountain: peak
n coast: shore, coastline
n sea: ocean
n climate: weather
n environment: surroundings, natural world
n species: kind, type
n tribe: clan, people
n settler: colonist, newcomer
n colony: settlement, territory
n independence: self-rule, sovereignty
a big: large, major, huge
a large: big, sizeable, major
a huge: enormous, vast, massive
a small: little, minor, modest
a little: small, slight
a major: key, big, significant
a important: significant, key, crucial
a significant: important, major, considerable
a key: main, central, crucial
a main: principal, chief, primary
a central: main, core, key
a crucial: vital, critical, essential
a critical: crucial, vital, serious
a vital: essential, crucial
a essential: vital, necessary, key
a necessary: needed, required, essential
a serious: grave, severe, major
a severe: serious, harsh, intense
a strong: powerful, robust, solid
a powerful: strong, mighty, potent
a weak: feeble, poor, fragile
a good: fine, decent, positive
a great: excellent, superb, terrific
a excellent: superb, outstanding, great
a bad: poor, awful
a poor: bad, weak
a terrible: awful, dreadful, horrible
a new: fresh, recent, latest
a recent: latest, new
a old: former, earlier, previous
a former: previous, ex-, earlier
a previous: earlier, prior, former
a early: initial, first
a late: recent, latest
a current: present, existing, ongoing
a ongoing: continuing, current
a modern: contemporary, current
a different: distinct, other, separate
a similar: comparable, alike, like
a same: identical
a various: several, many, different
a several: a number of, various, a few
a many: numerous, lots of, plenty of
a numerous: many, countless
a few: a handful of, a small number of
a whole: entire, full
a entire: whole, full, complete
a full: complete, entire
a complete: full, total, entire
a total: overall, complete
a simple: easy, straightforward, basic
a easy: simple, straightforward, effortless
a hard: difficult, tough, challenging
a difficult: hard, tough, challenging
a complex: complicated, intricate
a clear: obvious, plain, evident
a obvious: clear, plain, evident
a possible: feasible, potential
a likely: probable, expected
a real: actual, genuine, true
a true: real, genuine, accurate
a actual: real, genuine
a popular: well-liked, widespread, common
a common: usual, frequent, widespread
a usual: normal, typical, common
a normal: ordinary, usual, standard
a typical: usual, standard, normal
a rare: unusual, uncommon
a unusual: rare, uncommon, odd
a strange: odd, peculiar, unusual
a special: particular, specific, unique
a particular: specific, certain
a specific: particular, certain, given
a general: broad, overall
a wide: broad, extensive
a broad: wide, general, sweeping
a high: elevated, great
a low: small, reduced
a fast: quick, rapid, speedy
a quick: fast, rapid, swift
a rapid: fast, quick, swift
a slow: sluggish, gradual
a close: near, tight, intimate
a deep: profound, intense
a public: open, state
a private: personal, confidential
a official: formal, authorised
a open: accessible, public
a available: accessible, on hand, obtainable
a useful: helpful, handy, valuable
a helpful: useful, handy
a successful: effective, thriving
a effective: successful, efficient, useful
a efficient: effective, economical
a safe: secure, protected
a dangerous: risky, hazardous, unsafe
a deadly: lethal, fatal
a violent: brutal, aggressive
a happy: glad, pleased, content
a sad: unhappy, sorry
a angry: furious, annoyed, upset
a worried: concerned, anxious
a afraid: scared, frightened, fearful
a sure: certain, confident
a certain: sure, definite
a ready: prepared, set
a able: capable
a aware: conscious, mindful
a beautiful: lovely, gorgeous, attractive
a nice: pleasant, lovely
a interesting: intriguing, fascinating
a famous: well-known, renowned, celebrated
a renowned: famous, celebrated, well-known
a growing: increasing, rising, expanding
a rising: growing, increasing
a increasing: growing, rising, mounting
a economic: financial, commercial
a military: armed, defence
a political: governmental, policy
a foreign: overseas, international, external
a international: global, worldwide
a global: worldwide, international
a national: country-wide, nationwide
a local: regional, nearby
a regional: local, area
a urban: city
a native: indigenous
a entire: whole, complete
a final: last, closing
a first: initial, opening
a last: final, previous
a next: following, coming
a following: next, subsequent
a extra: additional, further
a additional: extra, further, more
a further: more, additional, extra
a various: assorted, diverse
a unique: distinctive, one-of-a-kind
a major: leading, big
a top: leading, senior, highest
a senior: top, high-ranking
a wrong: incorrect, mistaken
a correct: right, accurate
a accurate: precise, correct, exact
a exact: precise, accurate
a wealthy: rich, affluent
a rich: wealthy, affluent
a expensive: costly, pricey
a cheap: inexpensive, low-cost
a cold: chilly, cool
a hot: warm, very warm
a dark: dim, gloomy
a bright: vivid, brilliant
r quickly: rapidly, fast, swiftly
r slowly: gradually, steadily
r recently: lately, not long ago
r currently: at present, now, presently
r now: currently, at present
r often: frequently, regularly, commonly
r usually: normally, generally, typically
r generally: usually, mostly, broadly
r mostly: mainly, largely, chiefly
r mainly: mostly, chiefly, largely
r largely: mostly, mainly
r especially: particularly, notably
r particularly: especially, notably
r really: truly, genuinely
r very: highly, extremely, really
r extremely: very, highly, hugely
r highly: very, extremely
r completely: totally, entirely, fully
r totally: completely, entirely
r fully: completely, entirely
r entirely: completely, wholly
r nearly: almost, close to
r almost: nearly, virtually
r probably: likely, most likely, presumably
r perhaps: maybe, possibly
r maybe: perhaps, possibly
r clearly: obviously, plainly, evidently
r simply: just, merely
r just: only, simply, merely
r only: just, merely, solely
r finally: eventually, at last, in the end
r eventually: finally, in the end, ultimately
r immediately: at once, straight away, instantly
r soon: shortly, before long
r already: previously, by now
r later: afterwards, subsequently
r earlier: previously, before
r previously: earlier, before, formerly
r also: as well, too, additionally
r however: but, yet, nonetheless
r still: yet, even so
r actually: in fact, really
r reportedly: allegedly, apparently, it is said
r apparently: seemingly, evidently
r increasingly: more and more, progressively
r easily: readily, without difficulty
r significantly: considerably, substantially, markedly
r strongly: firmly, forcefully
r directly: straight, immediately
r widely: broadly, extensively
r roughly: about, approximately, around
r approximately: about, around, roughly
r together: jointly, side by side
r abroad: overseas
r again: once more, anew
r officially: formally
"""

# base: past, past participle (3sg and -ing are made by rule)
IRREGULAR = """
be was been
have had had
do did done
go went gone
say said said
make made made
take took taken
give gave given
get got got
come came come
see saw seen
know knew known
think thought thought
find found found
tell told told
become became become
leave left left
feel felt felt
bring brought brought
begin began begun
keep kept kept
hold held held
write wrote written
stand stood stood
hear heard heard
let let let
mean meant meant
set set set
meet met met
run ran run
pay paid paid
sit sat sat
speak spoke spoken
lie lay lain
lead led led
read read read
grow grew grown
lose lost lost
fall fell fallen
send sent sent
build built built
understand understood understood
draw drew drawn
break broke broken
spend spent spent
cut cut cut
rise rose risen
drive drove driven
buy bought bought
wear wore worn
choose chose chosen
seek sought sought
throw threw thrown
catch caught caught
deal dealt dealt
win won won
forget forgot forgotten
sell sold sold
fight fought fought
teach taught taught
steal stole stolen
hide hid hidden
shoot shot shot
strike struck struck
put put put
hit hit hit
shut shut shut
spread spread spread
quit quit quit
cost cost cost
hurt hurt hurt
split split split
upset upset upset
show showed shown
flee fled fled
bear bore borne
swear swore sworn
undertake undertook undertaken
overtake overtook overtaken
withdraw withdrew withdrawn
arise arose arisen
forbid forbade forbidden
shake shook shaken
ride rode ridden
eat ate eaten
fly flew flown
light lit lit
slay slew slain
"""

# verbs that have a direct object often enough to try the passive on (lemmas)
TRANSITIVE = set("""
accuse announce approve arrest attack back ban block build buy call cancel capture cement
choose close condemn confirm create criticise criticize damage defeat deliver deny describe
design destroy develop discover elect employ end expand fire fix found give hail hit hold
host identify injure introduce invade invite kill launch lead make name open organise
organize own pass praise produce propose publish raise reach receive reject release remove
replace report rescue reveal sell send shoot sign start steal strengthen support supply take
target test transfer use visit welcome win write see find break
""".split())

# verb (lemma) -> (light verb lemma, noun phrase) for nominalisation: "X decided to" ->
# "X made the decision to"
NOMINALISE = {
    "decide": ("make", "the decision"),
    "agree": ("reach", "an agreement"),
    "discuss": ("hold", "discussions on"),
    "visit": ("pay", "a visit to"),
    "attack": ("launch", "an attack on"),
    "criticise": ("voice", "criticism of"),
    "criticize": ("voice", "criticism of"),
    "support": ("give", "support to"),
    "describe": ("give", "a description of"),
    "explain": ("give", "an explanation of"),
    "promise": ("make", "a promise"),
    "praise": ("heap", "praise on"),
    "investigate": ("launch", "an investigation into"),
    "analyse": ("carry out", "an analysis of"),
    "analyze": ("carry out", "an analysis of"),
    "warn": ("issue", "a warning"),
    "announce": ("make", "an announcement"),
    "vote": ("cast", "a vote"),
    "invest": ("make", "an investment"),
    "respond": ("give", "a response"),
    "choose": ("make", "the choice"),
    "change": ("make", "changes to"),
    "improve": ("make", "improvements to"),
    "attempt": ("make", "an attempt"),
    "try": ("make", "an attempt"),
    "review": ("carry out", "a review of"),
    "test": ("run", "tests on"),
    "meet": ("hold", "a meeting with"),
    "talk": ("hold", "talks"),
    "call": ("issue", "a call"),
    "deny": ("issue", "a denial of"),
    "sign": ("put", "their signatures to"),
}

# multi-word and function-word swaps: (pattern, replacements). Applied on word boundaries,
# case kept on the first letter.
FUNCTION_SWAPS = [
    ("in order to", ["to", "so as to"]),
    ("a lot of", ["many", "plenty of", "lots of"]),
    ("lots of", ["a lot of", "many"]),
    ("such as", ["like", "for example", "including"]),
    ("because of", ["due to", "owing to", "as a result of"]),
    ("due to", ["because of", "owing to"]),
    ("as well as", ["and", "along with", "plus"]),
    ("in addition to", ["besides", "as well as", "on top of"]),
    ("according to", ["as reported by", "citing"]),
    ("more than", ["over", "upwards of"]),
    ("at least", ["no fewer than", "a minimum of"]),
    ("a number of", ["several", "some"]),
    ("in the past", ["previously", "before"]),
    ("at the same time", ["meanwhile", "simultaneously"]),
    ("for example", ["for instance", "e.g."]),
    ("for instance", ["for example"]),
    ("in fact", ["actually", "indeed"]),
    ("although", ["though", "even though", "while"]),
    ("though", ["although"]),
    ("because", ["since", "as"]),
    ("whether", ["if"]),
    ("among", ["amongst", "between"]),
    ("until", ["till", "up until"]),
    ("about", ["around", "roughly"]),
    ("around", ["about", "roughly"]),
    ("however", ["but", "yet", "still"]),
    ("therefore", ["so", "thus", "as a result"]),
    ("thus", ["therefore", "so"]),
    ("also", ["too", "as well", "additionally"]),
    ("but", ["yet", "though", "however"]),
    ("so that", ["in order that", "so"]),
    ("is able to", ["can"]),
    ("are able to", ["can"]),
    ("was able to", ["could", "managed to"]),
    ("were able to", ["could", "managed to"]),
    ("has been", ["had been", "was"]),
    ("have been", ["had been", "were"]),
    ("do not", ["don't"]),
    ("does not", ["doesn't"]),
    ("did not", ["didn't"]),
    ("is not", ["isn't"]),
    ("are not", ["aren't"]),
    ("was not", ["wasn't"]),
    ("cannot", ["can't", "can not"]),
    ("will not", ["won't"]),
    ("don't", ["do not"]),
    ("doesn't", ["does not"]),
    ("didn't", ["did not"]),
    ("isn't", ["is not"]),
    ("aren't", ["are not"]),
    ("can't", ["cannot"]),
    ("won't", ["will not"]),
    ("it's", ["it is"]),
    ("it is", ["it's"]),
    ("there is", ["there's"]),
    ("that is", ["that's"]),
    ("which", ["that"]),
    ("whilst", ["while"]),
    ("on the other hand", ["by contrast", "however"]),
    ("in spite of", ["despite"]),
    ("despite", ["in spite of", "regardless of"]),
    ("each", ["every"]),
    ("every", ["each"]),
    ("very", ["really", "extremely", "highly"]),
    ("the two", ["both"]),
    ("so far", ["to date", "up to now"]),
    ("as a result", ["consequently", "so"]),
    ("later", ["afterwards", "subsequently"]),
    ("whose", ["of which the"]),
]

# sentence-initial connectives, for glue between copied stretches and for heavy rewrites
GLUE = ["Also,", "In addition,", "Furthermore,", "Moreover,", "Besides this,", "As well as this,",
        "On top of that,", "Additionally,"]
CONNECT_SWAP = {
    "But": ["However,", "Yet", "Still,"],
    "However,": ["But", "Even so,", "Nevertheless,"],
    "And": ["Also,", "In addition,"],
    "Also,": ["In addition,", "Furthermore,"],
    "So": ["Therefore,", "As a result,", "Thus,"],
    "Still,": ["Even so,", "Nevertheless,"],
    "Meanwhile,": ["At the same time,", "In the meantime,"],
    "Then": ["After that,", "Next,"],
    "Now": ["Today", "At present"],
    "Instead,": ["Rather,", "In its place,"],
}

# small insertions for light revision (sentence-initial or before a verb)
HEDGES_INITIAL = ["In fact,", "Indeed,", "Notably,", "Interestingly,", "Basically,",
                  "As a matter of fact,", "Of course,", "In general,"]
ADVERBS_MID = ["also", "actually", "really", "already", "clearly", "now", "generally",
               "in fact", "reportedly", "apparently"]

# generic sentences of the sort student answers add (used sparingly by heavy and by
# rewritten negatives alike, so that they are no tell of either)
FILLERS = [
    "This is an important point to keep in mind.",
    "There are several reasons for this.",
    "This has been discussed a great deal.",
    "It is worth looking at this more closely.",
    "Not everyone agrees on this, however.",
    "This shows how complicated the situation is.",
    "In short, the picture is mixed.",
    "Many people have commented on this.",
    "The details matter here.",
    "This is only part of the story.",
]

# words never substituted (beyond proper nouns, numbers and quoted text)
STOPWORDS = set("""
a an the of to in on at by for with from into onto upon over under about above below after
before between through during without within along across against among around behind beyond
and or but nor so yet if then than that this these those there here where when while which
who whom whose what why how all any both each either every few many more most much neither no
none not only other some such own same very can could may might must shall should will would
is am are was were be been being has have had having do does did doing done i me my mine we
us our ours you your yours he him his she her hers it its they them their theirs one ones
also just too as like up down out off again further once yes not n't 's 're 've 'll 'd
well even still however though although because since until unless whether
""".split())

# a near neighbour (GloVe) is not used when it is the other of one of these pairs
ANTONYMS = [
    ("increase", "decrease"), ("increase", "reduction"), ("increased", "decreased"),
    ("increasing", "decreasing"), ("increases", "decreases"), ("rise", "fall"),
    ("rising", "falling"), ("rose", "fell"), ("up", "down"), ("high", "low"),
    ("higher", "lower"), ("highest", "lowest"), ("more", "less"), ("most", "least"),
    ("good", "bad"), ("best", "worst"), ("better", "worse"), ("strong", "weak"),
    ("large", "small"), ("big", "small"), ("largest", "smallest"), ("long", "short"),
    ("early", "late"), ("earlier", "later"), ("first", "last"), ("before", "after"),
    ("win", "lose"), ("won", "lost"), ("winning", "losing"), ("victory", "defeat"),
    ("accept", "reject"), ("accepted", "rejected"), ("allow", "prevent"), ("open", "closed"),
    ("success", "failure"), ("positive", "negative"), ("right", "wrong"), ("true", "false"),
    ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
    ("left", "right"), ("inside", "outside"), ("start", "end"), ("begin", "end"),
    ("buy", "sell"), ("bought", "sold"), ("import", "export"), ("imports", "exports"),
    ("love", "hate"), ("friend", "enemy"), ("friends", "enemies"), ("peace", "war"),
    ("ally", "enemy"), ("allies", "enemies"), ("support", "opposition"),
    ("supporters", "opponents"), ("men", "women"), ("man", "woman"), ("boys", "girls"),
    ("father", "mother"), ("son", "daughter"), ("husband", "wife"), ("brother", "sister"),
    ("king", "queen"), ("maximum", "minimum"), ("hot", "cold"), ("warm", "cold"),
    ("dry", "wet"), ("old", "young"), ("older", "younger"), ("rich", "poor"),
    ("easy", "difficult"), ("easy", "hard"), ("cheap", "expensive"), ("fast", "slow"),
    ("always", "never"), ("everything", "nothing"), ("everyone", "nobody"),
    ("possible", "impossible"), ("legal", "illegal"), ("public", "private"),
    ("domestic", "foreign"), ("input", "output"), ("client", "server"), ("upload", "download"),
    ("send", "receive"), ("sent", "received"), ("push", "pull"), ("read", "write"),
    ("asked", "answered"), ("question", "answer"), ("profit", "loss"), ("profits", "losses"),
    ("surplus", "deficit"), ("agree", "disagree"), ("like", "dislike"), ("happy", "sad"),
    ("democrats", "republicans"), ("democratic", "republican"), ("liberal", "conservative"),
]

# two-word fixed phrases whose words are never substituted one by one
IDIOMS = [
    "for example", "for instance", "in fact", "such as", "as well", "at least", "of course",
    "in order", "take place", "took place", "taken place", "take part", "took part", "no matter",
    "as a", "a result", "in addition", "other hand", "on top", "at all", "at once", "in case",
    "so far", "to date", "up to", "each other", "one another", "as long", "long as", "even so",
    "by far", "in particular", "at first", "in general", "kind of", "sort of", "a lot", "lots of",
    "the same", "known as", "called for", "make sure", "in front", "right now", "in spite",
    "regardless of", "due to", "owing to", "along with", "in the", "on the", "at the",
]

# words a near neighbour (GloVe) may never become or replace: days, months, ordinals,
# number words, directions, colours (co-hyponyms, not synonyms)
NN_BLOCK = set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december first second third fourth fifth sixth seventh
eighth ninth tenth one two three four five six seven eight nine ten eleven twelve twenty thirty
hundred thousand million billion trillion north south east west northern southern eastern
western northeast northwest southeast southwest red blue green yellow black white brown grey gray
orange purple pink men women man woman boys girls boy girl mother father son daughter husband
wife brother sister uncle aunt morning afternoon evening night yesterday today tomorrow week
month year decade century spring summer autumn winter
""".split())
