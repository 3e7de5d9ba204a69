package vn.dvk.identity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    @Query("select u from UserAccount u where lower(u.username) like :text or lower(u.displayName) like :text order by u.username")
    Page<UserAccount> search(@Param("text") String text, Pageable pageable);
}
