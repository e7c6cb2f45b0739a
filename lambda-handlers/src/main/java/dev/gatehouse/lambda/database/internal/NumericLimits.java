package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.DatabaseEngine;
import java.math.BigDecimal;

/**
 * The exact decimals an engine holds, checked before a {@code number} is bound. Beyond them the
 * PostgreSQL driver sends 0 (from 10^131072 up) or throws (scales past a 16-bit count), and MariaDB
 * Connector/J spells the value out digit by digit, a gigabyte for {@code 1e-999999999}.
 *
 * <ul>
 *   <li>PostgreSQL {@code numeric}: up to 131072 digits before the decimal point and 16383 after
 *       it. The proxy accepts at most {@value #PLAIN_MAX_SCALE} after it, the most it writes back
 *       in plain decimal notation, so that every value it stores reads back as it was sent.
 *   <li>MySQL/MariaDB {@code DECIMAL}: at most 65 digits, at most 38 of them after the point
 *       (MariaDB's most; MySQL's columns hold 30 and round longer values, as any column rounds to
 *       its scale).
 * </ul>
 *
 * Trailing zeros after the point do not count ({@code 2.000...0} is 2).
 */
public final class NumericLimits {
    /** The most decimal places Jackson writes in plain notation (its generators refuse more). */
    static final int PLAIN_MAX_SCALE = 9_999;
    private static final int POSTGRES_MAX_INTEGER_DIGITS = 131_072;
    private static final int MYSQL_MAX_DIGITS = 65;
    private static final int MYSQL_MAX_SCALE = 38;

    private final int maxIntegerDigits;
    private final int maxScale;
    private final int maxDigits;
    private final String problem;

    private NumericLimits(int maxIntegerDigits, int maxScale, int maxDigits, String problem) {
        this.maxIntegerDigits = maxIntegerDigits;
        this.maxScale = maxScale;
        this.maxDigits = maxDigits;
        this.problem = problem;
    }

    /** The limits of {@code engine}'s exact decimal type. */
    public static NumericLimits of(DatabaseEngine engine) {
        if (engine == DatabaseEngine.POSTGRESQL) {
            return new NumericLimits(POSTGRES_MAX_INTEGER_DIGITS, PLAIN_MAX_SCALE, Integer.MAX_VALUE,
                    "must have at most " + POSTGRES_MAX_INTEGER_DIGITS + " digits before the decimal point and "
                            + PLAIN_MAX_SCALE + " after it");
        }
        return new NumericLimits(MYSQL_MAX_DIGITS, MYSQL_MAX_SCALE, MYSQL_MAX_DIGITS,
                "must have at most " + MYSQL_MAX_DIGITS + " digits, at most " + MYSQL_MAX_SCALE
                        + " of them after the decimal point");
    }

    /** What a client is told about a value beyond these limits. */
    String problem() {
        return problem;
    }

    /**
     * {@code value} as it is bound: itself, or without trailing zeros when only they exceed the scale.
     *
     * @throws ValueParser.BadValue when the engine cannot hold it
     */
    BigDecimal check(BigDecimal value) throws ValueParser.BadValue {
        if (value.signum() == 0) {
            return value.scale() > maxScale || value.scale() < 0 ? BigDecimal.ZERO : value;
        }
        BigDecimal significant = value.stripTrailingZeros();
        long scale = Math.max(0, significant.scale());
        long integerDigits = Math.max(0L, (long) significant.precision() - significant.scale());
        if (integerDigits > maxIntegerDigits || scale > maxScale || integerDigits + scale > maxDigits) {
            throw new ValueParser.BadValue(problem);
        }
        if (value.scale() <= maxScale) {
            return value;
        }
        return significant.scale() < 0 ? significant.setScale(0) : significant;
    }
}
