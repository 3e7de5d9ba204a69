package vn.dvk.adminunit;

import org.springframework.data.jpa.repository.JpaRepository;

interface SuccessorLinkRepository extends JpaRepository<SuccessorLink, SuccessorLink.Key> {
}
