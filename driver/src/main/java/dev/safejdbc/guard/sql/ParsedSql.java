package dev.safejdbc.guard.sql;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * One statement parsed by JSqlParser, with the number of its JDBC {@code ?} placeholders.
 *
 * <p>The parser runs on the calling thread: {@code CCJSqlParserUtil.parse} would submit every parse to an
 * executor for its timeout (and log at INFO each time). Instead, runaway parse times are prevented up front:
 * "complex parsing" is off (its lookahead is exponential in nesting depth: ten nested parentheses took over
 * a second) and deeply nested text is refused before parsing.
 */
record ParsedSql(Statement statement, int parameterCount) {
    /** Simple parsing gives up beyond 16 nested parentheses anyway, but only after time growing with depth. */
    private static final int MAX_NESTING = 16;

    /**
     * Parses {@code sql}; null unless it is exactly one statement (trailing semicolons allowed) using only
     * positional {@code ?} parameters.
     */
    static ParsedSql parse(String sql) {
        if (CCJSqlParserUtil.getNestingDepth(sql) > MAX_NESTING) {
            return null;
        }
        try {
            return parse(sql, false);
        } catch (ParseException | TokenMgrException e) {
            if (sql.indexOf('[') < 0) {
                return null;
            }
        }
        // [bracket] quoting would break array subscripts, so it is only the fallback (SQL Server, SQLite)
        try {
            return parse(sql, true);
        } catch (ParseException | TokenMgrException e) {
            return null;
        }
    }

    private static ParsedSql parse(String sql, boolean squareBracketQuotes) throws ParseException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql)
                .withAllowComplexParsing(false)
                .withSquareBracketQuotation(squareBracketQuotes);
        Token before = parser.token; // JavaCC links every token it reads after this one, in text order
        Statement statement = parser.Statement();
        // Statement() stops quietly after a ';': "UPDATE ...; DELETE ..." must not pass for the UPDATE alone
        for (Token t = parser.getNextToken(); t.kind != CCJSqlParserConstants.EOF; t = parser.getNextToken()) {
            if (!";".equals(t.image)) {
                return null;
            }
        }
        int placeholders = 0;
        for (Token t = before.next; t.kind != CCJSqlParserConstants.EOF; t = t.next) {
            if (t.kind == CCJSqlParserConstants.S_PARAMETER || ":".equals(t.image)) {
                return null; // $1 or :name
            }
            if ("?".equals(t.image)) {
                if (t.next.kind == CCJSqlParserConstants.S_LONG) {
                    return null; // ?1
                }
                placeholders++;
            }
        }
        return new ParsedSql(statement, placeholders);
    }
}
