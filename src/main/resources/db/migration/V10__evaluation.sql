-- Evaluation by criteria (đánh giá theo tiêu chí): criteria sets per unit and period, grouped
-- criteria with a maximum score and guidance (bonus criteria optional), thresholds that map a score
-- to a rating, and each evaluator's sheet of scores.
create sequence criteria_set_seq start with 100 increment by 50;
create table criteria_set (
    id             bigint        not null primary key,
    name           varchar(200)  not null,
    unit_id        bigint        references admin_unit (id),
    from_year      integer,
    to_year        integer,
    excellent_from numeric(7, 2) not null,
    good_from      numeric(7, 2) not null,
    pass_from      numeric(7, 2) not null,
    active         boolean       not null default true,
    version        bigint        not null default 0
);

create sequence criterion_seq start with 100 increment by 50;
create table criterion (
    id         bigint        not null primary key,
    set_id     bigint        not null references criteria_set (id) on delete cascade,
    group_name varchar(200)  not null,
    name       varchar(500)  not null,
    guidance   varchar(2000),
    max_score  numeric(7, 2) not null,
    bonus      boolean       not null default false,
    position   integer       not null
);
create index ix_criterion_set on criterion (set_id, position);

create sequence evaluation_sheet_seq start with 1 increment by 50;
create table evaluation_sheet (
    id            bigint        not null primary key,
    initiative_id bigint        not null references initiative (id) on delete cascade,
    reg_year      integer       not null,
    set_id        bigint        not null references criteria_set (id),
    evaluator     varchar(100)  not null,
    state         varchar(20)   not null,
    total         numeric(7, 2),
    submitted_at  timestamp with time zone,
    version       bigint        not null default 0,
    constraint ux_evaluation_sheet unique (initiative_id, reg_year, evaluator)
);

create table evaluation_score (
    sheet_id     bigint        not null references evaluation_sheet (id) on delete cascade,
    criterion_id bigint        not null references criterion (id),
    score        numeric(7, 2) not null,
    primary key (sheet_id, criterion_id)
);

-- The default set, drawn from the movement's usual criteria (effectiveness, people's participation
-- and consensus, spread and replicability, sustainability, creativity); administrators edit it.
insert into criteria_set (id, name, unit_id, from_year, to_year, excellent_from, good_from, pass_from, active, version)
values (1, 'Bộ tiêu chí đánh giá mô hình, điển hình "Dân vận khéo" (mặc định)', null, null, null, 90, 75, 50, true, 0);
insert into criterion (id, set_id, group_name, name, guidance, max_score, bonus, position) values
 (1, 1, 'I. Hiệu quả', 'Hiệu quả thiết thực về kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng hệ thống chính trị',
  'Có số liệu cụ thể: số hộ tham gia, kinh phí, ngày công, đất hiến, kết quả so với trước khi thực hiện.', 30, false, 1),
 (2, 1, 'I. Hiệu quả', 'Giải quyết được nhiệm vụ khó khăn, bức xúc ở địa phương, cơ sở',
  'Nêu rõ vấn đề khó khăn, bức xúc và mức độ giải quyết.', 10, false, 2),
 (3, 1, 'II. Sự tham gia và đồng thuận của Nhân dân', 'Huy động được đông đảo các lực lượng, Nhân dân tham gia',
  'Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.', 15, false, 3),
 (4, 1, 'II. Sự tham gia và đồng thuận của Nhân dân', 'Được Nhân dân đồng tình, ủng hộ', 'Ý kiến của Nhân dân, tổ chức đoàn thể nơi thực hiện.', 10, false, 4),
 (5, 1, 'III. Khả năng lan tỏa, nhân rộng', 'Có sức lan tỏa, có thể nhân rộng ở địa bàn khác',
  'Đã hoặc có thể nhân rộng; số địa bàn đã học tập, áp dụng.', 15, false, 5),
 (6, 1, 'IV. Tính bền vững', 'Duy trì ổn định, bền vững qua các năm', 'Số năm duy trì; cơ chế tổ chức, nguồn lực bảo đảm duy trì.', 10, false, 6),
 (7, 1, 'V. Tính sáng tạo', 'Cách làm mới, sáng tạo, phù hợp với đặc điểm địa phương', 'Điểm mới so với cách làm trước đây.', 10, false, 7),
 (8, 1, 'Điểm thưởng', 'Được cấp có thẩm quyền biểu dương, khen thưởng hoặc giới thiệu nhân rộng', 'Điểm cộng, không bắt buộc.', 5, true, 8);
