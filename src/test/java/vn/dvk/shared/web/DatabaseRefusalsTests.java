package vn.dvk.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import vn.dvk.shared.FieldProblem;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety net: what H2 and PostgreSQL say of a value too long or too large becomes the user's problem, naming the column. */
class DatabaseRefusalsTests {

    private static DataIntegrityViolationException refused(String message) {
        return new DataIntegrityViolationException("could not execute statement", new SQLException(message));
    }

    @Test
    void h2NamesTheColumnOfATooLongValue() {
        FieldProblem problem = DatabaseRefusals.tooLong(
                refused("Value too long for column \"responsible_officer CHARACTER VARYING(200)\": \"'aaa...' (100000)\""));
        assertThat(problem).isNotNull();
        assertThat(problem.field()).isEqualTo("responsibleOfficer");
        assertThat(problem.messageKey()).isEqualTo("validation.field.tooLong");
        assertThat(((MessageSourceResolvable) problem.args()[0]).getCodes()).containsExactly("field.responsibleOfficer");
    }

    @Test
    void postgresqlOverflowsAreTheUsersInputTooWithoutAColumn() {
        assertThat(DatabaseRefusals.tooLong(refused("ERROR: numeric field overflow\n  Detail: A field with precision 18"))).isNotNull();
        assertThat(DatabaseRefusals.tooLong(refused("ERROR: value too long for type character varying(200)")).field()).isEmpty();
    }

    @Test
    void otherRefusalsAreLeftToTheirOwnAnswer() {
        assertThat(DatabaseRefusals.tooLong(refused("Referential integrity constraint violation: \"FK_X\""))).isNull();
        assertThat(DatabaseRefusals.tooLong(refused("Unique index or primary key violation"))).isNull();
    }
}
