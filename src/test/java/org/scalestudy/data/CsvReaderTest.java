package org.scalestudy.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsCrlfAndByteOrderMark() throws DataError {
        Table t = CsvReader.read("\uFEFFname,\"n, params\",loss\r\n\"a \"\"b\"\"\",1e7,3.5\r\n\r\nc,2.5E8,\r\n");
        assertEquals(List.of("name", "n, params", "loss"), t.names());
        assertEquals(2, t.rows());
        assertArrayEquals(new String[] {"a \"b\"", "c"}, ((Column.Texts) t.column("name")).values());
        assertArrayEquals(new double[] {1e7, 2.5e8}, ((Column.Numbers) t.column("n, params")).values());
        // An empty cell in a numeric column is missing: NaN.
        assertTrue(Double.isNaN(((Column.Numbers) t.column("loss")).values()[1]));
        // The blank line 3 is skipped; the second record came from line 4.
        assertEquals(2, t.sourceLine(0));
        assertEquals(4, t.sourceLine(1));
    }

    @Test
    void aColumnWithOneWordIsTextAndSaysWhere() throws DataError {
        Table t = CsvReader.read("acc\n0.5\nabout half\n0.7\n");
        Column.Texts c = assertInstanceOf(Column.Texts.class, t.column("acc"));
        assertEquals("line 3: 'about half'", c.firstNonNumber());
    }

    @Test
    void naAndItsSpellingsAreMissingNotText() throws DataError {
        // MissingCells: empty, NA, N/A, NaN, null (any case) are missing: NaN in a numeric column.
        Table t = CsvReader.read("acc\n0.5\nn/a\nNA\nnull\n0.7\n");
        double[] v = assertInstanceOf(Column.Numbers.class, t.column("acc")).values();
        assertEquals(0.5, v[0]);
        assertTrue(Double.isNaN(v[1]) && Double.isNaN(v[2]) && Double.isNaN(v[3]));
        assertEquals(0.7, v[4]);
    }

    @Test
    void numbersAreDecimalOnly() {
        // Java would parse these; a data file should not mean them as numbers.
        for (String s : List.of("0x10", "1d", "1f", "1_000", "")) {
            assertEquals(null, CsvReader.number(s), s);
        }
        assertEquals(1.5e-3, CsvReader.number("1.5e-3"));
        assertEquals(Double.NEGATIVE_INFINITY, CsvReader.number("-inf"));
        assertTrue(Double.isNaN(CsvReader.number("NaN")));
    }

    @Test
    void badFilesNameLineAndField() {
        DataError ragged = assertThrows(DataError.class, () -> CsvReader.read("a,b,c\n1,2,3\n4,5\n"));
        assertEquals(3, ragged.line());
        assertEquals(3, ragged.field());
        assertEquals("this row has 2 fields; the header names 3 columns", ragged.getMessage());

        DataError open = assertThrows(DataError.class, () -> CsvReader.read("a,b\n1,\"2\n"));
        assertEquals(2, open.line());
        assertEquals(2, open.field());
        assertEquals("a quoted field is never closed", open.getMessage());

        DataError twice = assertThrows(DataError.class, () -> CsvReader.read("a,b,a\n1,2,3\n"));
        assertEquals("column name 'a' appears twice in the header", twice.getMessage());
        assertEquals(3, twice.field());

        DataError empty = assertThrows(DataError.class, () -> CsvReader.read(""));
        assertEquals("the file is empty; expected a header line naming the columns", empty.getMessage());

        DataError junk = assertThrows(DataError.class, () -> CsvReader.read("a,b\n\"1\"x,2\n"));
        assertEquals("unexpected text after a closing quote; expected ',' or the end of the line", junk.getMessage());
    }

    /** pandas' to_csv() writes its row index first with no name: named on request, an error otherwise. */
    @Test
    void anUnnamedFirstColumnIsNamedOnlyWhenTheCallerSaysHow() throws DataError {
        String pandas = ",tokens,score\n0,1825570816.0,0.1697952218430034\n1,1825570816.0,0.2098976109215017\n";
        assertEquals(List.of("index", "tokens", "score"), CsvReader.records(pandas, "index").header());
        DataError plain = assertThrows(DataError.class, () -> CsvReader.records(pandas));
        assertEquals("column 1 has no name in the header", plain.getMessage());
        DataError middle = assertThrows(DataError.class, () -> CsvReader.records(",tokens,,score\n0,1,2,3\n", "index"));
        assertEquals(1, middle.line());
        assertEquals(3, middle.field());
        assertEquals("column 3 has no name in the header", middle.getMessage());
    }
}
