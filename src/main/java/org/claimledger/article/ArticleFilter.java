package org.claimledger.article;

/** Filters of the article list; null means no filter. */
record ArticleFilter(String publisher, String urlKey) {
}
