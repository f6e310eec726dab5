// The candidate index: from a query's name tokens and identifiers to the few dozen listed parties worth
// scoring, in well under a millisecond. Every name token of every listed party is indexed exactly, by its
// one-character deletions (symmetric delete: a one-edit typo on either side meets the same key) and by
// its phonetic key. Candidates collect IDF-weighted credit per query token; the best K are returned.
// Documents are integer ids (positions in the build input); everything is typed arrays after build.
import { Postings, PostingsBuilder } from './postings.js';
import { TopK } from './heap.js';
import { DeletionIndex, TokenHash } from './deletions.js';

/** What the index sees of one listed party. */
export interface IndexDocument {
  /**
   * Name tokens (cleaned Latin, every rendering of every name), with their phonetic keys. `joined` marks
   * a whole name written without spaces ("kimyongchol"): found exactly only, no typo neighbourhood.
   */
  tokens: Array<{ token: string; phonetic: string; joined?: boolean }>;
  /** Normalised identifiers (upper-case alphanumerics). */
  identifiers: string[];
}

export interface CandidateQuery {
  /**
   * Token lists, one per query name rendering (order matters only for joining neighbours). `guessedVowels`:
   * rendered from a script that leaves vowels out (Arabic, Hebrew), so the whole name run together is looked
   * up with typos too ("wli jan" ~ "Walijan").
   */
  names: Array<{ tokens: string[]; phonetic: string[]; guessedVowels?: boolean }>;
  identifiers: string[];
}

export interface SearchOptions {
  /** How many candidates to return. */
  k: number;
  /** Keep only documents this accepts (schema, dataset, topic filters). */
  accept?: (doc: number) => boolean;
  /** Drop candidates whose credit is below this share of the query's total (0–1). */
  minCoverage?: number;
}

export interface Candidate {
  doc: number;
  /** Share of the query's IDF mass found in this document (above 1 for identifier hits). */
  coverage: number;
}

// Credit for how a query token met a listed token, relative to an exact hit.
const CREDIT_EXACT = 1;
const CREDIT_ONE_EDIT = 0.8;
const CREDIT_JOINED = 0.8;
const CREDIT_PHONETIC = 0.5;
const CREDIT_IDENTIFIER = 100;
/** Shortest token indexed by deletions: shorter tokens allow no typo when matching. */
const MIN_DELETE_LENGTH = 4;
const MAX_QUERY_TOKENS = 32;
/** Query tokens whose expansion is kept (cleared when full, so a long-running server stays bounded). */
const MAX_CACHED_EXPANSIONS = 20_000;

/** A query token's listed tokens, best weight (credit × IDF) first, and the token's share of the query's mass. */
interface Expansion {
  phonetic: string | undefined;
  scale: number;
  ids: Int32Array;
  weights: Float64Array;
  mass: number;
  /** For a query word: its listed halves, left and right of each cut, when not listed itself (on first use). */
  halves: string[] | undefined;
}

export class CandidateIndex {
  /** token → documents */
  private readonly tokens: Postings;
  /** deletion key → token ids */
  private readonly deletes: DeletionIndex;
  /** token → id, for parts of strings (one-letter deletions, split halves) */
  private readonly tokenHash: TokenHash;
  /** phonetic key → token ids */
  private readonly phonetics: Postings;
  /** identifier → documents */
  private readonly identifiers: Postings;
  private readonly idf: Float32Array;
  readonly size: number;
  // scratch reused across searches (one search at a time: screening is synchronous). A document's slot
  // stamp and credit sit side by side (stamp at 2·doc, credit at 2·doc + 1 in one buffer): a posting
  // reads and writes one cache line, not one per array.
  private readonly stamps: Int32Array;
  private readonly credit: Float32Array;
  /** Documents credited in the current search (each once: at most every document). */
  private readonly touched: Int32Array;
  /** Stamps only grow, so a document stamped after the search began is already credited in it. */
  private slotSerial = 0;
  /** Query token → its expansion (names repeat their words from query to query; the index never changes). */
  private readonly expansions = new Map<string, Expansion>();
  // scratch of `expand`: the listed tokens found for one query token, in the order found, and their credits
  private readonly foundStamp: Int32Array;
  private foundSerial = 0;
  private readonly found: number[] = [];
  private readonly foundCredit: number[] = [];

  private constructor(tokens: Postings, deletes: DeletionIndex, phonetics: Postings, identifiers: Postings, size: number) {
    this.tokens = tokens;
    this.deletes = deletes;
    const byId: string[] = new Array(tokens.size);
    for (const [token, id] of tokens.keys) byId[id] = token;
    this.tokenHash = TokenHash.build(byId);
    this.phonetics = phonetics;
    this.identifiers = identifiers;
    this.size = size;
    this.idf = new Float32Array(tokens.size);
    for (let t = 0; t < tokens.size; t++) this.idf[t] = Math.log(1 + size / Math.max(1, tokens.length(t)));
    const scratch = new ArrayBuffer(8 * size);
    this.stamps = new Int32Array(scratch);
    this.credit = new Float32Array(scratch);
    this.touched = new Int32Array(size);
    this.foundStamp = new Int32Array(tokens.size);
  }

  static build(docs: Iterable<IndexDocument>): CandidateIndex {
    const tokens = new PostingsBuilder();
    const identifiers = new PostingsBuilder();
    const phoneticOf: string[] = [];
    const fuzzy: boolean[] = [];
    let n = 0;
    for (const doc of docs) {
      for (const { token, phonetic, joined } of doc.tokens) {
        const id = tokens.keyId(token);
        if (!joined) {
          fuzzy[id] = true;
          phoneticOf[id] ??= phonetic;
        }
        tokens.addId(id, n);
      }
      for (const ident of doc.identifiers) identifiers.add(ident, n);
      n++;
    }
    const tokenPostings = tokens.build();
    const deletable: Array<string | undefined> = new Array(tokenPostings.size);
    const phonetics = new PostingsBuilder();
    for (const [token, id] of tokenPostings.keys) {
      if (!fuzzy[id] || token.length < MIN_DELETE_LENGTH) continue;
      deletable[id] = token;
      const p = phoneticOf[id];
      if (p && p.length >= 2) phonetics.add(p, id);
    }
    return new CandidateIndex(tokenPostings, DeletionIndex.build(deletable), phonetics.build(), identifiers.build(), n);
  }

  /** Number of distinct indexed tokens (for reports). */
  get vocabulary(): number {
    return this.tokens.size;
  }

  /**
   * Listed tokens a query token may stand for, with credit: itself, one edit away, sounding alike. Into
   * `found` and `foundCredit`, in the order found; looked up best credit first, so a token's first credit is its best.
   */
  private expand(token: string, exact: number, phonetic: string | undefined, fuzzy: boolean): void {
    this.found.length = 0;
    this.foundCredit.length = 0;
    // stamps are Int32: start over long before they would wrap (as the search's)
    if (++this.foundSerial > 0x3fff_ffff) {
      this.foundStamp.fill(0);
      this.foundSerial = 1;
    }
    this.put(exact, CREDIT_EXACT);
    if (!fuzzy) return;
    if (token.length >= MIN_DELETE_LENGTH - 1) {
      // listed token one letter longer (query lacks a letter)
      this.deletes.each(token, (id) => this.put(id, CREDIT_ONE_EDIT));
    }
    if (token.length >= MIN_DELETE_LENGTH) {
      // each one-letter deletion, looked up in place (a run of one letter, "aab", gives "ab" once)
      for (let i = 0; i < token.length; i++) {
        if (i > 0 && token.charCodeAt(i) === token.charCodeAt(i - 1)) continue;
        this.put(this.tokenHash.find(token, 0, token.length, i), CREDIT_ONE_EDIT); // query has an extra letter
        this.deletes.eachWithout(token, i, (id) => this.put(id, CREDIT_ONE_EDIT)); // substitution, transposition
      }
      const key = phonetic && phonetic.length >= 2 ? this.phonetics.id(phonetic) : -1;
      const { offsets, values } = this.phonetics;
      if (key >= 0) for (let i = offsets[key]; i < offsets[key + 1]; i++) this.put(values[i], CREDIT_PHONETIC);
    }
  }

  private put(id: number, credit: number): void {
    if (id < 0 || this.foundStamp[id] === this.foundSerial) return;
    this.foundStamp[id] = this.foundSerial;
    this.found.push(id);
    this.foundCredit.push(credit);
  }

  /** `computeExpansion`, remembered per query token (the same token with another phonetic key or scale is recomputed). */
  private cachedExpansion(token: string, phonetic: string | undefined, scale: number): Expansion {
    const key = scale === 1 ? token : `${scale}\u0000${token}`;
    const known = this.expansions.get(key);
    if (known && known.phonetic === phonetic && known.scale === scale) return known;
    const expansion = this.computeExpansion(token, phonetic, scale);
    if (this.expansions.size >= MAX_CACHED_EXPANSIONS) this.expansions.clear();
    this.expansions.set(key, expansion);
    return expansion;
  }

  /**
   * A query token's expansion: with `fuzzy` false, the listed token itself only. Each listed token weighs its
   * credit times its IDF, or times `covers` when given: the IDF mass of the query words a joined token stands for.
   */
  private computeExpansion(token: string, phonetic: string | undefined, scale: number, fuzzy = true, covers?: number): Expansion {
    const exact = this.tokens.id(token);
    this.expand(token, exact, phonetic, fuzzy);
    const found = this.found;
    const n = found.length;
    // a token's weight in the query: its own IDF, or for a token not listed as such (a typo, a rare
    // spelling) the IDF of the rarest listed token it may stand for
    let mass = exact >= 0 ? this.idf[exact] : 0;
    if (exact < 0) for (let e = 0; e < n; e++) mass = Math.max(mass, this.idf[found[e]]);
    mass = mass || Math.log(1 + this.size);
    // best credit first (ties in the order found), so a document is credited once per slot, at its best:
    // insertion sort, a few dozen tokens at most
    const ids = new Int32Array(n);
    const weights = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      const c = scale === 1 ? this.foundCredit[e] : this.foundCredit[e] * scale;
      const weight = c * (covers ?? this.idf[found[e]]);
      let at = e;
      for (; at > 0 && weights[at - 1] < weight; at--) {
        ids[at] = ids[at - 1];
        weights[at] = weights[at - 1];
      }
      ids[at] = found[e];
      weights[at] = weight;
    }
    return { phonetic, scale, ids, weights, mass, halves: undefined };
  }

  /**
   * Query slots: each distinct query token (plus joined neighbours and split halves) with its listed-token
   * expansion; and the query's IDF mass, that of its heaviest name rendering (renderings are alternatives,
   * so their masses do not add up).
   */
  private slots(query: CandidateQuery): { slots: Expansion[]; mass: number } {
    const seen = new Map<string, Expansion>();
    const slots: Expansion[] = [];
    const addSlot = (token: string, phonetic: string | undefined, scale: number): Expansion | undefined => {
      const known = seen.get(token);
      if (known !== undefined) return known;
      if (slots.length >= MAX_QUERY_TOKENS) return undefined;
      const expansion = this.cachedExpansion(token, phonetic, scale);
      slots.push(expansion);
      seen.set(token, expansion);
      return expansion;
    };
    /** Words written together: credited as the words they join (not cached: depends on the query's words). */
    const addJoinedSlot = (token: string, covers: number, fuzzy: boolean): void => {
      if (seen.has(token) || slots.length >= MAX_QUERY_TOKENS) return;
      const expansion = this.computeExpansion(token, undefined, CREDIT_JOINED, fuzzy, covers);
      slots.push(expansion);
      seen.set(token, expansion);
    };
    let heaviest = 0;
    const masses = query.names.map((name) => {
      let mass = 0;
      const counted = new Set<string>(); // "Matuq Mohammed Matuq": a repeated word is credited once
      const words = name.tokens.map((t, i) => {
        const word = addSlot(t, name.phonetic[i], 1);
        if (!counted.has(t)) mass += word?.mass ?? 0;
        counted.add(t);
        return word;
      });
      heaviest = Math.max(heaviest, mass);
      return { mass, words };
    });
    query.names.forEach((name, n) => {
      const ts = name.tokens;
      const { mass, words } = masses[n];
      // the whole name written without spaces, on either side ("K.I.M Y.O.N.G" → "kim yong" ~ "kimyong"):
      // exactly, or with typos when its vowels were guessed. Otherwise a typo neighbourhood cost a sixth of
      // candidate search and found mostly short Chinese names run into unrelated words ("hong yu pan" ~
      // "Hongyuan Marine").
      if (ts.length > 1) addJoinedSlot(ts.join(''), mass, name.guessedVowels === true);
      // "abdul rahman" listed as "abdulrahman"
      for (let i = 0; i + 1 < ts.length; i++) {
        const joined = ts[i] + ts[i + 1];
        if (this.tokens.id(joined) >= 0) addJoinedSlot(joined, (words[i]?.mass ?? 0) + (words[i + 1]?.mass ?? 0), true);
      }
      // "abdulrahman" listed as "abdul rahman" (halves remembered with the word's expansion)
      ts.forEach((t, i) => {
        const word = words[i];
        const halves = word ? (word.halves ??= this.halves(t)) : this.halves(t);
        for (const half of halves) addSlot(half, undefined, CREDIT_JOINED);
      });
    });
    return { slots, mass: heaviest };
  }

  /** A word's listed halves, left and right of each cut, when the word is not listed itself. */
  private halves(word: string): string[] {
    const halves: string[] = [];
    if (word.length < 6 || this.tokens.id(word) >= 0) return halves;
    for (let cut = 2; cut <= word.length - 2; cut++) {
      if (this.tokenHash.find(word, 0, cut) >= 0 && this.tokenHash.find(word, cut, word.length) >= 0) {
        halves.push(word.slice(0, cut), word.slice(cut));
      }
    }
    return halves;
  }

  /** The best `k` documents for a query, best first. */
  search(query: CandidateQuery, opts: SearchOptions): Candidate[] {
    // stamps are Int32: start over long before they would wrap
    if (this.slotSerial > 0x3fff_ffff) {
      this.stamps.fill(0);
      this.slotSerial = 0;
    }
    const began = this.slotSerial;
    let nTouched = 0;
    const values = this.tokens.values;
    const offsets = this.tokens.offsets;
    const { slots, mass: total } = this.slots(query);
    // the innermost loop of candidate search (frequent tokens have thousands of postings): locals only
    const stamps = this.stamps;
    const credit = this.credit;
    const touched = this.touched;
    for (const { ids, weights } of slots) {
      const stamp = ++this.slotSerial;
      for (let e = 0; e < ids.length; e++) {
        const id = ids[e];
        const weight = weights[e];
        const end = offsets[id + 1];
        for (let i = offsets[id]; i < end; i++) {
          const at = values[i] << 1;
          const last = stamps[at];
          if (last === stamp) continue;
          stamps[at] = stamp;
          if (last <= began) {
            credit[at + 1] = weight;
            touched[nTouched++] = values[i];
          } else credit[at + 1] += weight;
        }
      }
    }
    const identified = ++this.slotSerial;
    for (const ident of query.identifiers) {
      const id = this.identifiers.id(ident);
      if (id < 0) continue;
      for (let i = this.identifiers.offsets[id]; i < this.identifiers.offsets[id + 1]; i++) {
        const doc = this.identifiers.values[i];
        const at = doc << 1;
        if (stamps[at] <= began) {
          stamps[at] = identified;
          credit[at + 1] = 0;
          touched[nTouched++] = doc;
        }
        credit[at + 1] += CREDIT_IDENTIFIER;
      }
    }
    const norm = total > 0 ? total : 1;
    const floor = (opts.minCoverage ?? 0) * norm;
    const top = new TopK(opts.k);
    for (let i = 0; i < nTouched; i++) {
      const doc = touched[i];
      const c = credit[(doc << 1) + 1];
      if (c < floor || c <= top.floor()) continue;
      if (opts.accept && !opts.accept(doc)) continue;
      top.push(doc, c);
    }
    return top.sorted().map(({ id, score }) => ({ doc: id, coverage: score / norm }));
  }
}
