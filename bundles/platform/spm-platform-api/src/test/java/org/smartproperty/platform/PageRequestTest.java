package org.smartproperty.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@code ?page=&size=&sort=} parsing: bad input is a 400 naming the field, never a SQL error. */
class PageRequestTest {

    private static final Set<String> SORTABLE = Set.of("id", "name", "createdAt");

    @Test
    void missingParametersGiveFirstPageOfTwenty() {
        PageRequest p = PageRequest.parse(null, null, null, SORTABLE);
        assertEquals(0, p.page());
        assertEquals(20, p.size());
        assertEquals(PageRequest.DEFAULT_SIZE, p.size());
        assertTrue(p.sort().isEmpty());
        assertEquals(0, p.offset());
    }

    @Test
    void blankParametersAreDefaultsToo() {
        PageRequest p = PageRequest.parse("", " ", "", SORTABLE);
        assertEquals(0, p.page());
        assertEquals(20, p.size());
    }

    @Test
    void explicitPageAndSizeGiveOffset() {
        PageRequest p = PageRequest.parse("3", "50", null, SORTABLE);
        assertEquals(3, p.page());
        assertEquals(50, p.size());
        assertEquals(150, p.offset());
    }

    @Test
    void sizeOfTwoHundredIsTheMaximumAllowed() {
        assertEquals(200, PageRequest.parse(null, "200", null, SORTABLE).size());
    }

    @Test
    void sizeAboveTwoHundredIsA400NamingFieldSize() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse(null, "201", null, SORTABLE));
        assertEquals(400, e.status());
        assertEquals("problem.validation", e.code());
        assertEquals(1, e.errors().size());
        FieldError fe = e.errors().get(0);
        assertEquals("size", fe.field());
        assertEquals("page.outOfRange", fe.code());
        assertEquals(List.of(1, 200), fe.args());
    }

    @Test
    void sizeZeroAndNegativePageAreRejected() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse("-1", "0", null, SORTABLE));
        assertEquals(400, e.status());
        assertEquals(List.of("page", "size"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void nonNumericSizeIsA400WithIntegerKey() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse(null, "ten", null, SORTABLE));
        assertEquals("size", e.errors().get(0).field());
        assertEquals("field.integer", e.errors().get(0).code());
    }

    @Test
    void unknownSortKeyIsA400NamingFieldSort() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "name,password", SORTABLE));
        assertEquals(400, e.status());
        assertEquals(1, e.errors().size());
        FieldError fe = e.errors().get(0);
        assertEquals("sort", fe.field());
        assertEquals("page.sortUnknown", fe.code());
        assertEquals("password", fe.args().get(0));
        assertEquals("createdAt, id, name", fe.args().get(1));
    }

    @Test
    void dashBeforeSortKeyMeansDescending() {
        PageRequest p = PageRequest.parse(null, null, "-name", SORTABLE);
        assertEquals(List.of(new SortOrder("name", false)), p.sort());
    }

    @Test
    void severalSortKeysKeepTheirOrderAndDirection() {
        PageRequest p = PageRequest.parse(null, null, " createdAt , -name,+id,", SORTABLE);
        assertEquals(List.of(new SortOrder("createdAt", true), new SortOrder("name", false), new SortOrder("id", true)),
                p.sort());
    }

    @Test
    void allInvalidFieldsAreReportedTogether() {
        ApiException e = assertThrows(ApiException.class, () -> PageRequest.parse("x", "500", "-nope", SORTABLE));
        assertEquals(List.of("page", "size", "sort"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void ofBuildsUnsortedRequest() {
        PageRequest p = PageRequest.of(2, 10);
        assertEquals(20, p.offset());
        assertTrue(p.sort().isEmpty());
    }
}
