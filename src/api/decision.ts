// The decision `/v1/screen` returns, from the top score and two bands:
//   block  — top score ≥ block band (default 0.95): a near-certain hit; hold the payment or onboarding.
//   review — top score ≥ review band (the match threshold, default 0.7): an analyst must look.
//   clear  — no result reaches the review band.
// Bands are per request (`threshold`, `block_threshold`); a block band below the review band is raised to it.
export type Decision = 'clear' | 'review' | 'block';

export interface Bands {
  review: number;
  block: number;
}

export function decide(topScore: number | undefined, bands: Bands): { decision: Decision; reason: string } {
  const block = Math.max(bands.block, bands.review);
  if (topScore === undefined) return { decision: 'clear', reason: 'no listed party scored at or above the cutoff' };
  if (topScore >= block) return { decision: 'block', reason: `top score ${topScore} ≥ block band ${block}` };
  if (topScore >= bands.review) return { decision: 'review', reason: `top score ${topScore} ≥ review band ${bands.review}` };
  return { decision: 'clear', reason: `top score ${topScore} < review band ${bands.review}` };
}
