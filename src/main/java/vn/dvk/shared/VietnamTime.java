package vn.dvk.shared;

import java.time.ZoneId;

/** The one time zone of DVK: every day, year and hour shown or stored is Hanoi's, whatever the JVM's zone. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
