// Candidate index: fast recall of the listed parties worth scoring for a query.
export { CandidateIndex, type Candidate, type CandidateQuery, type IndexDocument, type SearchOptions } from './candidates.js';
