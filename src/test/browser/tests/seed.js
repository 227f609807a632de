// The desk's data, seeded through the API: the Kabul airport bombings, a toll revised twice
// (over 70, at least 90, about 170 killed), verdicts, claims waiting in review, and enough
// fillers for a second page of the claims table.

import {call, create, patchClaim, setStatus} from './api.js';

const kabul = 'kabul-airport-attack';

function casualty(statement, qualifier, value, extra = {}) {
  return {
    statement, type: 'CASUALTY_COUNT', claimant: 'Global News', claimDate: '2021-08-26',
    location: 'Kabul, Afghanistan', tags: [kabul],
    quantity: {measure: 'KILLED', qualifier, value, subject: 'people'}, ...extra,
  };
}

export async function seed() {
  // first, so that the Kabul story is what changed last
  const fillers = [];
  for (let n = 1; n <= 30; n += 1) {
    fillers.push(await create('/claims', {
      statement: `Filler claim number ${n} about flight schedules`, type: 'OTHER', claimant: 'Airline desk',
      claimDate: '2021-08-30', tags: ['filler'],
    }));
  }
  const article = await create('/articles', {
    url: 'https://globalnews.ca/news/8143924/isis-k-kabul-airport-attack/',
    title: "Here's what we know about ISIS-K, the group behind the deadly Kabul bombings",
    publisher: 'Global News', publishedAt: '2021-08-26T18:30:00Z', language: 'en',
  });
  const over70 = await create('/claims', casualty('Two explosions killed over 70 people', 'MORE_THAN', 60));
  await create(`/claims/${over70.id}/sources`, {
    url: 'https://www.defense.gov/News/Transcripts/', publisher: 'U.S. Department of Defense',
    kind: 'OFFICIAL', stance: 'SUPPORTS',
  });
  await linkArticle(over70.id, article.id);
  await patchClaim(over70.id, {quantity: {value: 70}}, 'Global News updated the toll');
  const atLeast90 = await create('/claims', casualty('At least 90 people were killed in the two blasts', 'AT_LEAST', 90,
    {claimDate: '2021-08-27', claimant: 'Afghan health officials'}));
  const about170 = await create('/claims', casualty('About 170 people were killed at the airport', 'APPROXIMATELY', 170,
    {claimDate: '2021-08-28', claimant: 'Afghan health officials'}));
  await setStatus(over70.id, 'SUPERSEDED', {explanation: 'The toll rose', supersededBy: atLeast90.id});
  await setStatus(atLeast90.id, 'SUPERSEDED', {explanation: 'The toll rose again', supersededBy: about170.id});
  await create(`/claims/${about170.id}/sources`, {
    url: 'https://www.bbc.com/news/world-asia-58349010', publisher: 'BBC News', kind: 'NEWS_REPORT', stance: 'SUPPORTS',
  });
  await setStatus(about170.id, 'IN_REVIEW');
  await setStatus(about170.id, 'VERIFIED', {explanation: 'Health ministry figures confirmed by several outlets'});

  const accused = await create('/claims', {
    statement: 'U.S. officials accused ISIS-K of the attacks', type: 'ATTRIBUTION', claimant: 'U.S. officials',
    claimDate: '2021-08-26', tags: [kabul],
    attribution: {actor: 'ISIS-K', role: 'ACCUSED', attributedBy: 'U.S. officials'},
  });
  await linkArticle(accused.id, article.id);
  const taliban = await create('/claims', {
    statement: 'The Taliban carried out the airport bombing', type: 'ATTRIBUTION', claimant: 'a social media post',
    claimDate: '2021-08-26', tags: [kabul],
    attribution: {actor: 'Taliban', role: 'RESPONSIBLE', attributedBy: 'a social media post'},
  });
  await create(`/claims/${taliban.id}/sources`, {
    url: 'https://www.reuters.com/world/asia-pacific/isis-k-claims-kabul-attack-2021-08-26/', publisher: 'Reuters',
    kind: 'NEWS_REPORT', stance: 'REFUTES', note: 'ISIS-K claimed the attack',
  });
  await setStatus(taliban.id, 'IN_REVIEW');
  await setStatus(taliban.id, 'FALSE', {explanation: 'ISIS-K claimed responsibility; the Taliban condemned it'});

  const marines = await create('/claims', casualty('At least 13 U.S. service members were killed', 'AT_LEAST', 13,
    {claimant: 'U.S. Department of Defense', status: 'IN_REVIEW'}));
  await create(`/claims/${marines.id}/sources`, {
    url: 'https://www.defense.gov/News/Releases/', publisher: 'U.S. Department of Defense',
    kind: 'OFFICIAL', stance: 'SUPPORTS',
  });
  const injured = await create('/claims', {
    ...casualty('More than 150 people were injured', 'MORE_THAN', 150, {claimant: 'Reuters'}),
    quantity: {measure: 'INJURED', qualifier: 'MORE_THAN', value: 150, subject: 'people'},
  });
  await setStatus(injured.id, 'IN_REVIEW');

  return {
    article, over70, atLeast90, about170, accused, taliban, marines, injured, fillers,
    // what the overview must show: the 30 fillers and the accusation are unverified
    expected: {UNVERIFIED: 31, IN_REVIEW: 2, VERIFIED: 1, FALSE: 1, MISLEADING: 0, DISPUTED: 0, UNPROVEN: 0,
      SUPERSEDED: 2, total: 37},
  };
}

async function linkArticle(claimId, articleId) {
  await call('PUT', `/claims/${claimId}/articles/${articleId}`, {role: 'APPEARS_IN', excerpt: 'killed more than 70 people'});
}
