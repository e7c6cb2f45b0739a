package dev.gatehouse.lambda.database.internal;

import dev.gatehouse.database.config.ParameterType;
import dev.gatehouse.database.config.RouteParameter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which fields a value the database rejected may have come from. PostgreSQL and MariaDB say what
 * was wrong (SQLSTATE 22003, a number out of its column's range; 22001, text longer than its
 * column) but not, in a form meant for clients, which parameter: the suspects are the route's
 * parameters of that kind that the request gave a value. Nothing of the database's own message
 * reaches the client.
 */
public final class RejectedValues {
    /** numeric_value_out_of_range (PostgreSQL; MariaDB's "Out of range value for column"). */
    static final String NUMBER_OUT_OF_RANGE = "22003";
    /** string_data_right_truncation (PostgreSQL; MariaDB's "Data too long for column"). */
    static final String TEXT_TOO_LONG = "22001";
    private static final Set<ParameterType> NUMBERS = Set.of(ParameterType.INTEGER, ParameterType.NUMBER);

    private RejectedValues() {
    }

    /** The fields that may hold the rejected value; empty when the database's reason names no kind of value. */
    public static List<FieldProblem> suspects(CompiledRoute route, BoundRequest request, Throwable failure) {
        String state = sqlState(failure);
        if (request == null || state == null) {
            return List.of();
        }
        List<FieldProblem> suspects = new ArrayList<>();
        for (RouteParameter parameter : route.route().params()) {
            if (request.value(parameter.name()) == null) {
                continue;
            }
            ParameterType type = parameter.type() == ParameterType.ARRAY
                    ? parameter.items().orElse(ParameterType.STRING) : parameter.type();
            if (state.equals(NUMBER_OUT_OF_RANGE) && NUMBERS.contains(type)) {
                suspects.add(new FieldProblem(parameter.name(), parameter.location().jsonName(),
                        "may be outside what its database column can hold"));
            } else if (state.equals(TEXT_TOO_LONG) && type == ParameterType.STRING) {
                suspects.add(new FieldProblem(parameter.name(), parameter.location().jsonName(),
                        "may be longer than its database column holds"));
            }
        }
        return suspects;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
