package vn.dvk.adminunit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The embedded H2's trigger (migration V39) that moves the unit structure's revision on after every
 * statement changing {@code admin_unit} or {@code admin_unit_successor}, in the writing transaction;
 * PostgreSQL does the same with a PL/pgSQL function. See {@link UnitStructure}.
 * <p>
 * H2 cannot write from a trigger of a statement that commits by itself (auto-commit): such a change is
 * refused, saying so, rather than left unseen by the nodes' structure; the application changes units
 * only inside transactions.
 */
public class StructureChangeTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new SQLException("Đơn vị hành chính chỉ được sửa trong một giao dịch (transaction) / administrative units are"
                    + " changed only inside a transaction, so that the structure's revision moves with them", "25000");
        }
        try (PreparedStatement next = connection.prepareStatement("update admin_unit_revision set revision = revision + 1 where id = 1")) {
            next.executeUpdate();
        }
    }
}
