package vn.dvk.initiative;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByInitiativeIdOrderByUploadedAtAsc(Long initiativeId);

    long countByInitiativeId(Long initiativeId);
}
