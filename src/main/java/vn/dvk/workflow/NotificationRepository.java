package vn.dvk.workflow;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.username = ?1 order by n.createdAt desc, n.id desc")
    List<Notification> newestOf(String username, Pageable page);

    @Query("select count(n) from Notification n where n.username = ?1 and n.readAt is null")
    long unreadOf(String username);

    @Query("select n from Notification n where n.username = ?1 and n.readAt is null")
    List<Notification> unreadListOf(String username);
}
