package dev.safejdbc.guard.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/** Recognizes the value expressions the guard can reason about: a {@code ?} or a plain literal. */
final class ValueSources {
    private ValueSources() {
    }

    /**
     * The source of {@code e}, or null if it is anything else (an expression, a function call, a typed or
     * escaped literal...). NULL yields {@code ValueSource.literal(null)}.
     */
    static ValueSource of(Expression e, int parameterCount) {
        if (e instanceof JdbcParameter p) {
            // JSqlParser numbers each '?' as it consumes it, i.e. in text order; '?1' was refused while parsing
            if (p.isUseFixedIndex() || p.getIndex() < 1 || p.getIndex() > parameterCount) {
                throw new IllegalStateException("unexpected parameter numbering: " + p.getIndex());
            }
            return ValueSource.parameter(p.getIndex());
        }
        if (e instanceof NullValue) {
            return ValueSource.literal(null);
        }
        Object constant = constant(e);
        return constant == null ? null : ValueSource.literal(constant);
    }

    private static Object constant(Expression e) {
        if (e instanceof LongValue v) {
            return integer(v.getBigIntegerValue());
        }
        if (e instanceof DoubleValue v) {
            return new BigDecimal(v.toString()); // the literal's text: keeps its scale, unlike the double
        }
        if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
            boolean negate = s.getSign() == '-';
            if (s.getExpression() instanceof LongValue v) {
                BigInteger magnitude = v.getBigIntegerValue();
                return integer(negate ? magnitude.negate() : magnitude);
            }
            if (s.getExpression() instanceof DoubleValue v) {
                BigDecimal magnitude = new BigDecimal(v.toString());
                return negate ? magnitude.negate() : magnitude;
            }
            return null;
        }
        if (e instanceof StringValue s && (s.getPrefix() == null || "N".equalsIgnoreCase(s.getPrefix()))) {
            return s.getNotExcapedValue(); // '' -> '; E'..', X'..' and the like are not plain strings
        }
        if (e instanceof BooleanValue b) {
            return b.getValue();
        }
        return null;
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : new BigDecimal(value);
    }
}
