package dev.safejdbc.clients.races;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** MyBatis's mapper for the counter row. */
public interface CounterMapper {
    @Select("SELECT v FROM counters WHERE id = #{id}")
    int read(@Param("id") int id);

    @Update("UPDATE counters SET v = #{v} WHERE id = #{id}")
    int write(@Param("id") int id, @Param("v") int v);
}
