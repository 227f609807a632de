package org.claimledger.common.paging;

/**
 * A list answer: items and the cursor of the next page. A page carries no ETag (its content moves
 * with every write to anything it shows), as the contract says of every list.
 */
public interface Paged {
}
