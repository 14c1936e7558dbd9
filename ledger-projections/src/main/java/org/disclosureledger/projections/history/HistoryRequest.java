package org.disclosureledger.projections.history;

import java.util.Objects;
import org.disclosureledger.core.subject.PersonRef;

/**
 * A request for one page of a person's history: by default the disclosures of the last six years (see
 * {@link PersonHistoryQueries#DEFAULT_WINDOW}), or the whole history on request.
 *
 * @param person       whose history
 * @param wholeHistory true for every disclosure ever recorded, false for the default window only
 * @param page         which page, from 0
 * @param pageSize     entries per page, 1 to {@link #MAX_PAGE_SIZE}
 */
public record HistoryRequest(PersonRef person, boolean wholeHistory, int page, int pageSize) {

    /** The page size when none is chosen. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The largest page served; a person with more entries reads several pages. */
    public static final int MAX_PAGE_SIZE = 500;

    public HistoryRequest {
        Objects.requireNonNull(person, "a history request needs the person whose history it is");
        if (page < 0) {
            throw new IllegalArgumentException("the page number counts from 0, so it cannot be " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "the page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
    }

    /** The first page of the person's history over the default window, {@link #DEFAULT_PAGE_SIZE} entries. */
    public static HistoryRequest firstPage(PersonRef person) {
        return new HistoryRequest(person, false, 0, DEFAULT_PAGE_SIZE);
    }

    /** The same request over the person's whole history. */
    public HistoryRequest withWholeHistory() {
        return new HistoryRequest(person, true, page, pageSize);
    }

    /** The same request for another page. */
    public HistoryRequest withPage(int number) {
        return new HistoryRequest(person, wholeHistory, number, pageSize);
    }

    /** The same request with another page size. */
    public HistoryRequest withPageSize(int size) {
        return new HistoryRequest(person, wholeHistory, page, size);
    }
}
