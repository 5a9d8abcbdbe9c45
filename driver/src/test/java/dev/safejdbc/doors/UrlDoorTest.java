package dev.safejdbc.doors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The front-door suite through the {@code jdbc:safe:} URL. */
class UrlDoorTest extends FrontDoorSuite {

    @Override
    protected Connection connect(String realUrl, Properties options) throws SQLException {
        return DriverManager.getConnection("jdbc:safe:" + realUrl.substring("jdbc:".length()), options);
    }
}
