package vn.dvk.initiative;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface SectorRepository extends JpaRepository<Sector, String> {

    List<Sector> findAllByOrderByPositionAsc();
}
